package org.djmix.tasks.data;

import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * CIFAR-10 and CIFAR-100 from the official binary releases ({@code cifar-10-binary.tar.gz}, {@code
 * cifar-100-binary.tar.gz}, unpacked). A CIFAR-10 record is 1 label byte and 3 072 pixel bytes (the
 * red, green and blue 32×32 planes), in {@code data_batch_1.bin} … {@code data_batch_5.bin} and
 * {@code test_batch.bin}; a CIFAR-100 record has 2 label bytes (coarse, fine) before the pixels, in
 * {@code train.bin} and {@code test.bin}, and the fine label (100 classes) is used. The directory
 * may be the unpacked folder itself or the one containing it ({@code cifar-10-batches-bin}, {@code
 * cifar-100-binary}).
 */
public enum CifarBinary {

    /** CIFAR-10: 10 classes, 50 000 training and 10 000 test images. */
    CIFAR10(
            "cifar-10-batches-bin",
            1,
            10,
            List.of(
                    "data_batch_1.bin",
                    "data_batch_2.bin",
                    "data_batch_3.bin",
                    "data_batch_4.bin",
                    "data_batch_5.bin"),
            List.of("test_batch.bin")),

    /** CIFAR-100 with its 100 fine labels: 50 000 training and 10 000 test images. */
    CIFAR100("cifar-100-binary", 2, 100, List.of("train.bin"), List.of("test.bin"));

    private static final int SIDE = 32;
    private static final int PIXELS = 3 * SIDE * SIDE;

    private final String folder;
    private final int labelBytes;
    private final int numClasses;
    private final List<String> trainFiles;
    private final List<String> testFiles;

    CifarBinary(
            String folder,
            int labelBytes,
            int numClasses,
            List<String> trainFiles,
            List<String> testFiles) {
        this.folder = folder;
        this.labelBytes = labelBytes;
        this.numClasses = numClasses;
        this.trainFiles = trainFiles;
        this.testFiles = testFiles;
    }

    /**
     * Returns the number of classes.
     *
     * @return 10 or 100
     */
    public int getNumClasses() {
        return numClasses;
    }

    /**
     * Returns the bytes of one record (labels and pixels).
     *
     * @return 3 073 or 3 074
     */
    public int getRecordBytes() {
        return labelBytes + PIXELS;
    }

    /**
     * Reads one split.
     *
     * @param directory the unpacked release, or the folder containing it
     * @param train the training split, else the test split
     * @return a builder holding the images (3×32×32); set its sampling and build it
     * @throws IOException naming the file and what is wrong with it
     */
    public ImageDataset.Builder read(Path directory, boolean train) throws IOException {
        return read(directory, train, Integer.MAX_VALUE);
    }

    /**
     * Reads the first images of one split only: the files after the one that completes them are not
     * read.
     *
     * @param directory the unpacked release, or the folder containing it
     * @param train the training split, else the test split
     * @param limit the most images to keep
     * @return a builder holding at most {@code limit} images (3×32×32)
     * @throws IOException naming the file and what is wrong with it
     */
    public ImageDataset.Builder read(Path directory, boolean train, int limit) throws IOException {
        Path root =
                Files.isDirectory(directory.resolve(folder))
                        ? directory.resolve(folder)
                        : directory;
        List<String> names = train ? trainFiles : testFiles;
        byte[][] contents = new byte[names.size()][];
        int records = 0;
        for (int f = 0; f < names.size() && records < limit; f++) {
            Path file = root.resolve(names.get(f));
            if (!Files.isRegularFile(file)) {
                throw new IOException(
                        "no "
                                + names.get(f)
                                + " in "
                                + root
                                + " (expected the "
                                + this
                                + " binary release: "
                                + String.join(", ", names)
                                + ")");
            }
            contents[f] = Files.readAllBytes(file);
            int recordBytes = getRecordBytes();
            if (contents[f].length == 0 || contents[f].length % recordBytes != 0) {
                throw new IOException(
                        file
                                + " is truncated or not a "
                                + this
                                + " file: "
                                + contents[f].length
                                + " bytes is not a whole number of "
                                + recordBytes
                                + "-byte records");
            }
            records += contents[f].length / recordBytes;
        }
        records = Math.min(records, limit);
        byte[] pixels = new byte[records * PIXELS];
        int[] labels = new int[records];
        int index = 0;
        for (int f = 0; f < names.size() && index < records; f++) {
            byte[] data = contents[f];
            for (int offset = 0;
                    offset < data.length && index < records;
                    offset += getRecordBytes(), index++) {
                int label = data[offset + labelBytes - 1] & 0xFF;
                if (label >= numClasses) {
                    throw new IOException(
                            root.resolve(names.get(f))
                                    + ": record "
                                    + (offset / getRecordBytes())
                                    + " has label "
                                    + label
                                    + ", expected 0.."
                                    + (numClasses - 1));
                }
                labels[index] = label;
                System.arraycopy(data, offset + labelBytes, pixels, index * PIXELS, PIXELS);
            }
        }
        return ImageDataset.builder()
                .setImages(pixels, labels, new Shape(3, SIDE, SIDE), numClasses);
    }

    @Override
    public String toString() {
        return this == CIFAR10 ? "CIFAR-10" : "CIFAR-100";
    }
}
