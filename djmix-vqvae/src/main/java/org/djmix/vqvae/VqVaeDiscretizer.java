package org.djmix.vqvae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.file.Path;
import org.djmix.core.Discretizer;

/**
 * A saved VQ-VAE as DJMix's discretizer: \(g(x) = \mathrm{clip}(\mathrm{dec}(q(\mathrm{enc}(x))),
 * 0, 1)\); a saved {@link PlainAutoencoder} loads too, without \(q\) (the ablation {@code
 * djmix-noquant}). Parameters are frozen, so calling it inside a training step records no graph.
 * Batches go through in chunks of bounded pixel count (as many pixels as {@code chunk} images of
 * the training size, at least one image), so memory stays bounded for large images too. g is fully
 * convolutional: images of any size go through (sides that are not multiples of 4 are padded by
 * repeating the last row and column, and the result cropped back), so a g trained on small crops
 * discretizes whole segmentation images. It refuses another channel count, and follows the device
 * of its input (parameters are copied to it once).
 */
public final class VqVaeDiscretizer implements Discretizer, AutoCloseable {

    /** How much the encoder shrinks each side: two stride-2 convolutions. */
    private static final int DOWNSAMPLING = 4;

    private final AutoencoderConfig config;
    private final ConvAutoencoder autoencoder;
    private final NDManager manager;
    private final ParameterStore parameters;
    private final int chunk;

    private VqVaeDiscretizer(
            AutoencoderConfig config, ConvAutoencoder autoencoder, NDManager manager, int chunk) {
        this.config = config;
        this.autoencoder = autoencoder;
        this.manager = manager;
        this.parameters = new ParameterStore(manager, true);
        this.chunk = chunk;
        autoencoder.freezeParameters(true);
    }

    /**
     * Loads a saved VQ-VAE or plain autoencoder.
     *
     * @param directory the directory written by {@link AutoencoderDirectory#save}
     * @param parent the manager whose device the parameters go to; a sub-manager is kept until
     *     {@link #close()}
     * @param chunk how many images of the training size go through at once, &gt; 0 (larger images
     *     go in proportionally fewer per forward)
     * @return the discretizer
     * @throws IOException naming the file and the problem if the directory is not a valid model
     */
    public static VqVaeDiscretizer load(Path directory, NDManager parent, int chunk)
            throws IOException {
        if (chunk <= 0) {
            throw new IllegalArgumentException("chunk must be > 0, got " + chunk);
        }
        NDManager manager = parent.newSubManager();
        try {
            AutoencoderDirectory.Loaded loaded = AutoencoderDirectory.load(directory, manager);
            return new VqVaeDiscretizer(loaded.config(), loaded.autoencoder(), manager, chunk);
        } catch (IOException | RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /**
     * Returns what the saved model's config says.
     *
     * @return the config
     */
    public AutoencoderConfig getConfig() {
        return config;
    }

    @Override
    public NDArray apply(NDArray images) {
        Shape shape = images.getShape();
        long channels = config.imageShape().get(0);
        if (shape.dimension() != 4 || shape.get(1) != channels) {
            throw new IllegalArgumentException(
                    "this autoencoder takes (N, "
                            + channels
                            + ", H, W) images (it was trained on "
                            + config.imageShape().get(1)
                            + "×"
                            + config.imageShape().get(2)
                            + "), got "
                            + shape);
        }
        NDArray input = padToMultiple(images.stopGradient());
        long n = shape.get(0);
        long perForward = imagesPerForward(input.getShape());
        NDList parts = new NDList();
        for (long start = 0; start < n; start += perForward) {
            NDArray part =
                    n <= perForward
                            ? input
                            : input.get("{}:{}", start, Math.min(n, start + perForward));
            NDList out = autoencoder.forward(parameters, new NDList(part), false);
            parts.add(out.head().clip(0f, 1f));
        }
        NDArray result = parts.size() == 1 ? parts.head() : NDArrays.concat(parts);
        if (result.getShape().equals(shape)) {
            return result;
        }
        return result.get("..., :{}, :{}", shape.get(2), shape.get(3));
    }

    /**
     * Returns how many images of a shape make up the pixel budget: {@code chunk} images of the
     * training size, and at least one.
     *
     * @param shape (N, C, H, W)
     * @return images per forward pass
     */
    long imagesPerForward(Shape shape) {
        long budget = chunk * config.imageShape().get(1) * config.imageShape().get(2);
        return Math.max(1, budget / (shape.get(2) * shape.get(3)));
    }

    /**
     * Repeats the last rows and columns so that both sides are multiples of the encoder's
     * downsampling ({@value #DOWNSAMPLING}); g is fully convolutional, so any size goes through.
     */
    private static NDArray padToMultiple(NDArray x) {
        NDArray padded = x;
        for (int axis = 2; axis <= 3; axis++) {
            long size = padded.getShape().get(axis);
            long missing = Math.floorMod(-size, DOWNSAMPLING);
            if (missing > 0) {
                NDArray edge =
                        axis == 2
                                ? padded.get(":, :, {}:, :", size - 1)
                                : padded.get(":, :, :, {}:", size - 1);
                padded = padded.concat(edge.repeat(axis, missing), axis);
            }
        }
        return padded;
    }

    /** Frees the parameters. */
    @Override
    public void close() {
        manager.close();
    }
}
