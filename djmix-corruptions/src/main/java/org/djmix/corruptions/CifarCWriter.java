package org.djmix.corruptions;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.djmix.image.ByteImage;
import org.djmix.io.AtomicFiles;
import org.djmix.io.NpyFile;

/**
 * Writes the CIFAR-10-C layout: one {@code <corruption>.npy} per corruption, uint8 of shape (S·N,
 * H, W, C) — the N images at the first severity, then the next — and {@code labels.npy} (int64,
 * S·N, the labels repeated per severity). A corruption's file is written to a temporary file and
 * renamed when its last severity is done, so a file that exists is complete; the job skips it.
 */
public final class CifarCWriter implements CorruptionJob.Output {

    /** The labels file's name. */
    public static final String LABELS = "labels.npy";

    private final Path directory;
    private final List<Integer> severities;
    private final int count;
    private final int channels;
    private final int height;
    private final int width;
    private final byte[] block;
    private Path temporary;
    private OutputStream out;

    /**
     * Prepares a directory for a job.
     *
     * @param directory the output directory (created if needed)
     * @param images the images the job corrupts (their shape and labels)
     * @param severities the job's severities, in order
     * @throws IOException if the directory or the labels cannot be written, or the images differ in
     *     shape
     */
    public CifarCWriter(Path directory, LabelledImages images, List<Integer> severities)
            throws IOException {
        this.directory = directory;
        this.severities = List.copyOf(severities);
        this.count = images.size();
        ByteImage first = images.image(0);
        channels = first.channels();
        height = first.height();
        width = first.width();
        block = new byte[count * channels * height * width];
        Files.createDirectories(directory);
        deleteStaleTemporaries(directory);
        long[] labels = new long[severities.size() * count];
        for (int s = 0; s < severities.size(); s++) {
            for (int i = 0; i < count; i++) {
                labels[s * count + i] = images.label(i);
            }
        }
        Path labelFile = directory.resolve(LABELS);
        if (!Files.exists(labelFile)) {
            NpyFile.writeLongs(labelFile, labels);
        }
    }

    /** Removes the temporary files an interrupted job left (a resumed job redoes them). */
    private static void deleteStaleTemporaries(Path directory) throws IOException {
        try (var files = Files.list(directory)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (name.startsWith(".") && name.contains(".npy.") && name.endsWith(".tmp")) {
                    Files.delete(file);
                }
            }
        }
    }

    /**
     * Returns the file of a corruption.
     *
     * @param corruption the corruption
     * @return {@code DIR/<id>.npy}
     */
    public Path fileOf(Corruption corruption) {
        return directory.resolve(corruption.id() + ".npy");
    }

    @Override
    public boolean isComplete(Corruption corruption, int severity) throws IOException {
        Path file = fileOf(corruption);
        if (!Files.isRegularFile(file)) {
            return false;
        }
        NpyFile.Header header = NpyFile.readHeader(file);
        long expected = (long) severities.size() * block.length;
        return header.elements() == expected && Files.size(file) == header.dataOffset() + expected;
    }

    @Override
    public void accept(Corruption corruption, int severity, int index, ByteImage image) {
        if (image.channels() != channels || image.height() != height || image.width() != width) {
            throw new IllegalArgumentException(
                    "image "
                            + index
                            + " is "
                            + image
                            + "; the CIFAR-C layout needs every image "
                            + channels
                            + "x"
                            + height
                            + "x"
                            + width);
        }
        byte[] planar = image.array();
        int plane = height * width;
        int base = index * channels * plane;
        for (int p = 0; p < plane; p++) {
            for (int c = 0; c < channels; c++) {
                block[base + p * channels + c] = planar[c * plane + p];
            }
        }
    }

    @Override
    public void blockDone(Corruption corruption, int severity) throws IOException {
        if (severity == severities.get(0)) {
            if (out != null) {
                out.close();
                Files.deleteIfExists(temporary);
            }
            temporary = AtomicFiles.temporaryFor(fileOf(corruption));
            out = new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 20);
            NpyFile.writeHeader(
                    out,
                    "|u1",
                    new long[] {(long) severities.size() * count, height, width, channels});
        }
        out.write(block);
        if (severity == severities.get(severities.size() - 1)) {
            out.close();
            out = null;
            AtomicFiles.commit(temporary, fileOf(corruption));
            temporary = null;
        }
    }
}
