package org.djmix.benchmarks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.djmix.core.platform.GlibcMalloc;
import org.djmix.vqvae.VqVaeDiscretizer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What \(g(x)\) costs inside a DJMix step: a saved VQ-VAE of the paper's size (random weights — the
 * cost does not depend on them), loaded as {@link VqVaeDiscretizer}, applied to a batch of 32×32×3
 * images on DJL's default device. Images/s = batch / time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
public class DiscretizerBenchmark {

    /** The batch size (the paper's CIFAR recipe: 128). */
    @Param({"128"})
    public int batch;

    private RandomVqVae g;
    private NDManager manager;
    private VqVaeDiscretizer discretizer;
    private NDArray images;

    /** Saves a freshly initialised VQ-VAE and loads it as the discretizer. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        GlibcMalloc.configure();
        Shape image = new Shape(3, 32, 32);
        g = new RandomVqVae(image, batch, 5);
        manager = g.manager();
        discretizer = g.discretizer();
        images = manager.randomUniform(0, 1, new Shape(batch).addAll(image));
    }

    /**
     * Computes g(x) for the batch.
     *
     * @return the sum of g(x) (read back, which waits for the device)
     */
    @Benchmark
    public float discretize() {
        try (NDManager step = manager.newSubManager()) {
            NDArray x = images.duplicate();
            x.attach(step);
            return discretizer.apply(x).sum().getFloat();
        }
    }

    /** Frees the model and deletes the saved copy. */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        g.close();
    }
}
