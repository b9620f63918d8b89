package org.djmix.benchmarks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.concurrent.TimeUnit;
import org.djmix.core.platform.GlibcMalloc;
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
 * The machine's float32 matrix-product rate through DJL, the yardstick of {@link
 * NearestCodeBenchmark}: an M×K by K×N product costs \(2MKN\) flops, so GFLOP/s = \(2MKN\) / time.
 * Shapes: a square 1024³ product (the peak) and the nearest-code step's own (65 536×64)·(64×512).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
public class MatMulBenchmark {

    /** M×K×N of the product. */
    @Param({"1024x1024x1024", "65536x64x512"})
    public String shape;

    private NDManager manager;
    private NDArray left;
    private NDArray right;

    /** Draws the operands on DJL's default device. */
    @Setup(Level.Trial)
    public void setUp() {
        GlibcMalloc.configure();
        String[] sizes = shape.split("x");
        long m = Long.parseLong(sizes[0]);
        long k = Long.parseLong(sizes[1]);
        long n = Long.parseLong(sizes[2]);
        manager = NDManager.newBaseManager();
        left = manager.randomNormal(new Shape(m, k));
        right = manager.randomNormal(new Shape(k, n));
    }

    /**
     * Multiplies.
     *
     * @return one element of the product (read back, which waits for the device)
     */
    @Benchmark
    public float product() {
        try (NDManager step = manager.newSubManager()) {
            NDArray out = left.matMul(right);
            out.attach(step);
            return out.getFloat(0, 0);
        }
    }

    /** Frees the operands. */
    @TearDown(Level.Trial)
    public void tearDown() {
        manager.close();
    }
}
