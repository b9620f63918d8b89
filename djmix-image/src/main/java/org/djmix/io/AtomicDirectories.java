package org.djmix.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Writes a directory whole or not at all (a saved model, a checkpoint, a report): the files go to a
 * temporary directory beside the target, which then replaces the target by renames, so a reader
 * never sees a half-written directory and a crash leaves the previous one.
 */
public final class AtomicDirectories {

    private AtomicDirectories() {}

    /** Fills a directory. */
    @FunctionalInterface
    public interface Content {

        /**
         * Writes the files.
         *
         * @param directory the (temporary) directory to fill
         * @throws IOException if writing fails
         */
        void writeTo(Path directory) throws IOException;
    }

    /**
     * Writes a directory atomically, replacing it if it exists.
     *
     * @param target the directory
     * @param content what to write into it
     * @throws IOException naming the target if it cannot be written
     */
    public static void write(Path target, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path parent = absolute.getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new IOException("cannot create the folder " + parent + ": " + e, e);
        }
        Path temporary = Files.createTempDirectory(parent, "." + absolute.getFileName() + ".tmp-");
        try {
            content.writeTo(temporary);
            replace(temporary, absolute);
        } finally {
            deleteRecursively(temporary);
        }
    }

    private static void replace(Path temporary, Path target) throws IOException {
        if (!Files.exists(target)) {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            return;
        }
        Path old =
                Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old-");
        Files.delete(old);
        Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        deleteRecursively(old);
    }

    /**
     * Deletes a file or a directory tree if it exists.
     *
     * @param path the file or directory
     * @throws IOException if a file cannot be deleted
     */
    public static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
