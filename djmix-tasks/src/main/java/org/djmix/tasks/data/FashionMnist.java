package org.djmix.tasks.data;

import ai.djl.ndarray.types.Shape;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * Fashion-MNIST (and MNIST) from the official IDX files, gzip-compressed or not: {@code
 * train-images-idx3-ubyte[.gz]}, {@code train-labels-idx1-ubyte[.gz]}, {@code t10k-…}. Magic
 * numbers, dimensions and counts are checked. Images are loaded as 32×32 RGB (zero-padded by 2
 * pixels, grey replicated into three channels) so that CIFAR models and the CIFAR corruption
 * parameters apply unchanged.
 */
public final class FashionMnist {

    /** The Debian package's location ({@code apt-get install dataset-fashion-mnist}). */
    public static final Path DEBIAN_DIRECTORY = Path.of("/usr/share/datasets/fashion-mnist");

    private static final int IMAGES_MAGIC = 0x00000803;
    private static final int LABELS_MAGIC = 0x00000801;
    private static final int SIDE = 28;
    private static final int PAD = 2;
    private static final int OUT = SIDE + 2 * PAD;

    private FashionMnist() {}

    /**
     * Reads one split.
     *
     * @param directory the folder with the IDX files
     * @param train the training split (60 000 images) or the test split (10 000)
     * @return a builder holding the images; set its sampling and build it
     * @throws IOException naming the file and what is wrong with it
     */
    public static ImageDataset.Builder read(Path directory, boolean train) throws IOException {
        return read(directory, train, Integer.MAX_VALUE);
    }

    /**
     * Reads the first images of one split only (the files are still checked whole).
     *
     * @param directory the folder with the IDX files
     * @param train the training split (60 000 images) or the test split (10 000)
     * @param limit the most images to keep
     * @return a builder holding at most {@code limit} images; set its sampling and build it
     * @throws IOException naming the file and what is wrong with it
     */
    public static ImageDataset.Builder read(Path directory, boolean train, int limit)
            throws IOException {
        String prefix = train ? "train" : "t10k";
        Path imageFile = find(directory, prefix + "-images-idx3-ubyte");
        Path labelFile = find(directory, prefix + "-labels-idx1-ubyte");
        int[] labels = readLabels(labelFile);
        byte[] pixels = readImages(imageFile, labels.length, Math.min(limit, labels.length));
        labels = Arrays.copyOf(labels, Math.min(limit, labels.length));
        return ImageDataset.builder().setImages(pixels, labels, new Shape(3, OUT, OUT), 10);
    }

    private static Path find(Path directory, String name) throws IOException {
        for (String candidate : new String[] {name + ".gz", name}) {
            Path file = directory.resolve(candidate);
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        throw new IOException(
                "no " + name + "[.gz] in " + directory + " (expected Fashion-MNIST IDX files)");
    }

    private static DataInputStream open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file));
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        if (b1 == 0x1f && b2 == 0x8b) {
            in = new BufferedInputStream(new GZIPInputStream(in));
        }
        return new DataInputStream(in);
    }

    private static int[] readLabels(Path file) throws IOException {
        try (DataInputStream in = open(file)) {
            int magic = in.readInt();
            if (magic != LABELS_MAGIC) {
                throw new IOException(
                        String.format(
                                "%s is not an IDX label file: magic 0x%08x, expected 0x%08x",
                                file, magic, LABELS_MAGIC));
            }
            int count = in.readInt();
            byte[] raw = new byte[count];
            in.readFully(raw);
            int[] labels = new int[count];
            for (int i = 0; i < count; i++) {
                labels[i] = raw[i] & 0xFF;
                if (labels[i] > 9) {
                    throw new IOException(
                            file + ": label " + i + " is " + labels[i] + ", expected 0..9");
                }
            }
            return labels;
        } catch (EOFException e) {
            throw new IOException(file + " is truncated", e);
        }
    }

    private static byte[] readImages(Path file, int expectedCount, int kept) throws IOException {
        try (DataInputStream in = open(file)) {
            int magic = in.readInt();
            if (magic != IMAGES_MAGIC) {
                throw new IOException(
                        String.format(
                                "%s is not an IDX image file: magic 0x%08x, expected 0x%08x",
                                file, magic, IMAGES_MAGIC));
            }
            int count = in.readInt();
            int rows = in.readInt();
            int cols = in.readInt();
            if (rows != SIDE || cols != SIDE) {
                throw new IOException(
                        file + " holds " + rows + "x" + cols + " images, expected 28x28");
            }
            if (count != expectedCount) {
                throw new IOException(
                        file + " holds " + count + " images but its labels file " + expectedCount);
            }
            byte[] raw = new byte[SIDE * SIDE];
            int plane = OUT * OUT;
            byte[] pixels = new byte[kept * 3 * plane];
            for (int i = 0; i < kept; i++) {
                in.readFully(raw);
                int base = i * 3 * plane;
                for (int y = 0; y < SIDE; y++) {
                    for (int c = 0; c < 3; c++) {
                        System.arraycopy(
                                raw,
                                y * SIDE,
                                pixels,
                                base + c * plane + (y + PAD) * OUT + PAD,
                                SIDE);
                    }
                }
            }
            return pixels;
        } catch (EOFException e) {
            throw new IOException(file + " is truncated", e);
        }
    }
}
