package org.djmix.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes a file whole or not at all: the content goes to a temporary file in the target's folder,
 * which is renamed over the target only when complete, so a reader (or a resumed job) never sees
 * half a file. A failed write leaves the target as it was and no temporary file behind.
 */
public final class AtomicFiles {

    private AtomicFiles() {}

    /** Writes a file's content to a stream. */
    @FunctionalInterface
    public interface Content {

        /**
         * Writes the content.
         *
         * @param out the stream (buffered; do not close it)
         * @throws IOException if writing fails
         */
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes a file atomically, creating its parent folders.
     *
     * @param target the file
     * @param content what to write
     * @throws IOException naming the target if it cannot be written
     */
    public static void write(Path target, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path temporary = temporaryFor(absolute);
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temporary))) {
                content.writeTo(out);
            }
            commit(temporary, absolute);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Creates an empty temporary file beside a target, for content written in several steps and
     * then {@linkplain #commit committed}.
     *
     * @param target the file it will become
     * @return the temporary file (its name starts with a dot)
     * @throws IOException naming the target's folder if it cannot be created
     */
    public static Path temporaryFor(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path parent = absolute.getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new IOException("cannot create the folder " + parent + ": " + e, e);
        }
        try {
            Path temporary =
                    Files.createTempFile(parent, "." + absolute.getFileName() + ".", ".tmp");
            readableByAll(temporary);
            return temporary;
        } catch (IOException e) {
            throw new IOException("cannot write " + absolute + ": " + e, e);
        }
    }

    /** Temporary files are created owner-only; the result should read like any other file. */
    private static void readableByAll(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: its defaults apply
        }
    }

    /**
     * Renames a complete temporary file over its target (atomically where the file system can).
     *
     * @param temporary the complete file, in the target's folder
     * @param target the final name
     * @throws IOException if the rename fails
     */
    public static void commit(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Writes a UTF-8 text file atomically.
     *
     * @param target the file
     * @param text its content
     * @throws IOException naming the target if it cannot be written
     */
    public static void writeString(Path target, String text) throws IOException {
        write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }
}
