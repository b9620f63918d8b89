package org.djmix.corruptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.djmix.image.ByteImage;
import org.djmix.io.NpyFile;

/**
 * Reads a CIFAR-10-C style directory (ours or the official release): {@code <corruption>.npy},
 * uint8 (S·N, H, W, C) with the severities in order, and {@code labels.npy} (S·N integers). The
 * number of severities S is the file's first dimension over N, where N is found from the labels
 * (which repeat per severity).
 */
public final class CifarCDirectory {

    private static final int SEVERITIES = 5;

    private CifarCDirectory() {}

    /**
     * Reads one corruption at one severity.
     *
     * @param directory the directory
     * @param corruption the corruption
     * @param severity 1..5
     * @return the N images and their labels
     * @throws IOException naming the file and what is wrong with it
     */
    public static LabelledImages read(Path directory, Corruption corruption, int severity)
            throws IOException {
        Corruption.checkSeverity(severity);
        Path file = directory.resolve(corruption.id() + ".npy");
        Path labelFile = directory.resolve(CifarCWriter.LABELS);
        for (Path required : new Path[] {file, labelFile}) {
            if (!Files.isRegularFile(required)) {
                throw new IOException(
                        "no "
                                + required.getFileName()
                                + " in "
                                + directory
                                + " (expected the CIFAR-10-C layout: <corruption>.npy and"
                                + " labels.npy)");
            }
        }
        NpyFile.ByteArray array = NpyFile.readBytes(file, 4);
        long[] shape = array.header().shape();
        long[] labels = NpyFile.readIntegers(labelFile);
        if (labels.length != shape[0] || shape[0] % SEVERITIES != 0) {
            throw new IOException(
                    file
                            + " has shape "
                            + array.header().shapeText()
                            + " and "
                            + labelFile.getFileName()
                            + " "
                            + labels.length
                            + " labels; expected 5·N images and 5·N labels");
        }
        int channels = (int) shape[3];
        if (channels != 1 && channels != 3) {
            throw new IOException(
                    file + " has " + channels + " channels per pixel; expected 1 or 3 (H, W, C)");
        }
        int n = (int) (shape[0] / SEVERITIES);
        int h = (int) shape[1];
        int w = (int) shape[2];
        int size = h * w * channels;
        int offset = (severity - 1) * n;
        byte[] data = array.data();
        return new LabelledImages() {
            @Override
            public int size() {
                return n;
            }

            @Override
            public ByteImage image(int index) {
                int base = (offset + index) * size;
                byte[] planar = new byte[size];
                int plane = h * w;
                for (int p = 0; p < plane; p++) {
                    for (int c = 0; c < channels; c++) {
                        planar[c * plane + p] = data[base + p * channels + c];
                    }
                }
                return ByteImage.wrap(channels, h, w, planar);
            }

            @Override
            public int label(int index) {
                return (int) labels[offset + index];
            }
        };
    }
}
