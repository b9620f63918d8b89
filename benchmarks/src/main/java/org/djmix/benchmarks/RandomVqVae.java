package org.djmix.benchmarks;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.djmix.io.AtomicDirectories;
import org.djmix.vqvae.AutoencoderDirectory;
import org.djmix.vqvae.VqVae;
import org.djmix.vqvae.VqVaeDiscretizer;

/**
 * The paper's VQ-VAE with random weights (its cost does not depend on them), saved to a temporary
 * folder and loaded as a {@link VqVaeDiscretizer}, as a user's trained g would be. Closing frees it
 * and deletes the folder.
 */
final class RandomVqVae implements AutoCloseable {

    private final NDManager manager;
    private final Path folder;
    private final VqVaeDiscretizer discretizer;

    /**
     * Makes, saves and loads one.
     *
     * @param image (C, H, W) it is trained for
     * @param batch the largest batch it applies to at once
     * @param seed the initialisation's seed
     * @throws IOException if the temporary folder cannot be written
     */
    RandomVqVae(Shape image, int batch, long seed) throws IOException {
        manager = NDManager.newBaseManager();
        manager.getEngine().setRandomSeed((int) seed);
        VqVae vqvae = VqVae.builder().build();
        vqvae.initialize(manager, DataType.FLOAT32, new Shape(1).addAll(image));
        folder = Files.createTempDirectory("djmix-bench-");
        AutoencoderDirectory.save(vqvae, image, seed, folder.resolve("g"), Map.of());
        discretizer = VqVaeDiscretizer.load(folder.resolve("g"), manager, batch);
    }

    /** The loaded g. */
    VqVaeDiscretizer discretizer() {
        return discretizer;
    }

    /** The manager g's parameters live in (its device is the engine's default). */
    NDManager manager() {
        return manager;
    }

    @Override
    public void close() throws IOException {
        discretizer.close();
        manager.close();
        AtomicDirectories.deleteRecursively(folder);
    }
}
