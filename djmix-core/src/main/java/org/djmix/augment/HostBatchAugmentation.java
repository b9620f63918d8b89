package org.djmix.augment;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.stream.IntStream;
import org.apache.commons.math3.random.RandomGenerator;
import org.djmix.core.BatchAugmentation;
import org.djmix.core.RandomStreams;
import org.djmix.image.ByteImage;

/**
 * Runs a per-image {@link ImageAugmentation} over a batch on the host, as the reference's data
 * loader does: one copy to the host, images quantised to 8 bits (\(\mathrm{round}(255x)\)),
 * augmented in parallel, one copy back to the batch's device. Each image gets its own generator
 * seeded from the step's stream, so the result does not depend on the thread count.
 */
public final class HostBatchAugmentation implements BatchAugmentation {

    private final ImageAugmentation augmentation;

    /**
     * Wraps an image augmentation.
     *
     * @param augmentation what to apply to each image
     */
    public HostBatchAugmentation(ImageAugmentation augmentation) {
        this.augmentation = augmentation;
    }

    @Override
    public NDArray apply(NDArray images, RandomGenerator random) {
        Shape shape = images.getShape();
        if (shape.dimension() != 4) {
            throw new IllegalArgumentException("images must be NCHW (rank 4), got shape " + shape);
        }
        int batch = Math.toIntExact(shape.get(0));
        int channels = Math.toIntExact(shape.get(1));
        int height = Math.toIntExact(shape.get(2));
        int width = Math.toIntExact(shape.get(3));
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException(
                    "images must have 1 or 3 channels, got " + channels + " (shape " + shape + ")");
        }
        int size = channels * height * width;
        float[] host = images.toType(DataType.FLOAT32, false).toFloatArray();
        checkUnitRange(host, shape);
        RandomStreams perImage = new RandomStreams(random.nextLong());
        float[] out = new float[host.length];
        IntStream.range(0, batch)
                .parallel()
                .forEach(
                        i -> {
                            ByteImage image =
                                    ByteImage.fromUnitFloats(
                                            channels, height, width, host, i * size);
                            float[] augmented = augmentation.apply(image, perImage.generator(i));
                            System.arraycopy(augmented, 0, out, i * size, size);
                        });
        return images.getManager()
                .create(out, shape)
                .toType(images.getDataType(), false)
                .toDevice(images.getDevice(), false);
    }

    /** Normalised inputs would be silently clipped by the 8-bit ops: refuse them instead. */
    private static void checkUnitRange(float[] host, Shape shape) {
        for (int i = 0; i < host.length; i++) {
            float v = host[i];
            if (!(v >= -1e-3f && v <= 1 + 1e-3f)) {
                throw new IllegalArgumentException(
                        "images must be in [0, 1] (normalise inside the model, not the dataset):"
                                + " element "
                                + i
                                + " of the batch of shape "
                                + shape
                                + " is "
                                + v);
            }
        }
    }
}
