package org.djmix.tasks.data;

import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Path;
import org.djmix.corruptions.CifarCDirectory;
import org.djmix.corruptions.Corruption;
import org.djmix.corruptions.LabelledImages;
import org.djmix.image.ByteImage;

/**
 * One corruption at one severity of a CIFAR-10-C style directory (the official CIFAR-10-C and
 * CIFAR-100-C releases, or what {@code djmix corrupt} writes) as a test set: {@code
 * <corruption>.npy}, uint8 (5·N, H, W, C), and {@code labels.npy}. The number of classes is the
 * largest label + 1 (10 for CIFAR-10-C, 100 for CIFAR-100-C).
 */
public final class CifarC {

    private CifarC() {}

    /**
     * Reads the N test images of one corruption and severity.
     *
     * @param directory the directory
     * @param corruption the corruption
     * @param severity 1..5
     * @return a builder holding the images; set its sampling and build it
     * @throws IOException naming the file and what is wrong with it
     */
    public static ImageDataset.Builder read(Path directory, Corruption corruption, int severity)
            throws IOException {
        LabelledImages images = CifarCDirectory.read(directory, corruption, severity);
        int n = images.size();
        if (n == 0) {
            throw new IOException(directory.resolve(corruption.id() + ".npy") + " has no images");
        }
        ByteImage first = images.image(0);
        int size = first.array().length;
        byte[] pixels = new byte[n * size];
        int[] labels = new int[n];
        int numClasses = 0;
        for (int i = 0; i < n; i++) {
            System.arraycopy(images.image(i).array(), 0, pixels, i * size, size);
            labels[i] = images.label(i);
            if (labels[i] < 0) {
                throw new IOException(
                        directory.resolve("labels.npy") + " has a negative label: " + labels[i]);
            }
            numClasses = Math.max(numClasses, labels[i] + 1);
        }
        return ImageDataset.builder()
                .setImages(
                        pixels,
                        labels,
                        new Shape(first.channels(), first.height(), first.width()),
                        numClasses);
    }
}
