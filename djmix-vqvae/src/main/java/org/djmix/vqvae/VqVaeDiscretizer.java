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
 * Batches go through in bounded chunks. It refuses images of another shape than the one g was
 * trained on, and follows the device of its input (parameters are copied to it once).
 */
public final class VqVaeDiscretizer implements Discretizer, AutoCloseable {

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
     * @param chunk how many images go through at once, &gt; 0
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
        Shape expected = config.imageShape();
        if (shape.dimension() != 4 || !shape.slice(1).equals(expected)) {
            throw new IllegalArgumentException(
                    "this autoencoder was trained on images of shape (N, "
                            + expected.get(0)
                            + ", "
                            + expected.get(1)
                            + ", "
                            + expected.get(2)
                            + "), got "
                            + shape);
        }
        NDArray input = images.stopGradient();
        long n = shape.get(0);
        NDList parts = new NDList();
        for (long start = 0; start < n; start += chunk) {
            NDArray part =
                    n <= chunk ? input : input.get("{}:{}", start, Math.min(n, start + chunk));
            NDList out = autoencoder.forward(parameters, new NDList(part), false);
            parts.add(out.head().clip(0f, 1f));
        }
        return parts.size() == 1 ? parts.head() : NDArrays.concat(parts);
    }

    /** Frees the parameters. */
    @Override
    public void close() {
        manager.close();
    }
}
