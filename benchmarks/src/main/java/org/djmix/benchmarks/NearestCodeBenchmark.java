package org.djmix.benchmarks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.concurrent.TimeUnit;
import org.djmix.core.platform.GlibcMalloc;
import org.djmix.vqvae.NearestCodeSearch;
import org.djmix.vqvae.ReferenceNearestCodeSearch;
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
 * The vector quantiser's nearest-code step for N vectors, K = 512 codes of D = 64: {@link
 * NearestCodeSearch} (one matrix product per chunk, then arg-min, on DJL's device) against the
 * plain-Java search over all codes. Its floor is the \(2NKD\) flops of the product at the machine's
 * matrix-product rate ({@link MatMulBenchmark}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
public class NearestCodeBenchmark {

    /** The number of vectors N (8 192 = a batch of 128 images of 8×8 codes). */
    @Param({"8192", "65536"})
    public int vectors;

    /** {@code djl} (NearestCodeSearch) or {@code reference} (plain Java). */
    @Param({"djl", "reference"})
    public String implementation;

    private static final int CODES = 512;
    private static final int DIM = 64;

    private NDManager manager;
    private NDArray input;
    private NDArray codebook;
    private float[] inputValues;
    private float[] codebookValues;
    private final NearestCodeSearch search = new NearestCodeSearch();

    /** Draws N(0, 1) vectors and codes on DJL's default device. */
    @Setup(Level.Trial)
    public void setUp() {
        GlibcMalloc.configure();
        manager = NDManager.newBaseManager();
        manager.getEngine().setRandomSeed(3);
        input = manager.randomNormal(new Shape(vectors, DIM));
        codebook = manager.randomNormal(new Shape(CODES, DIM));
        inputValues = input.toFloatArray();
        codebookValues = codebook.toFloatArray();
    }

    /**
     * Finds the nearest codes.
     *
     * @return the index of the last vector's code (read back, which waits for the device)
     */
    @Benchmark
    public long nearest() {
        if ("reference".equals(implementation)) {
            long[] codes = ReferenceNearestCodeSearch.nearest(inputValues, codebookValues, DIM);
            return codes[codes.length - 1];
        }
        try (NDManager step = manager.newSubManager()) {
            NDArray rows = input.duplicate();
            rows.attach(step);
            return search.nearest(rows, codebook).getLong(vectors - 1);
        }
    }

    /** Frees the arrays. */
    @TearDown(Level.Trial)
    public void tearDown() {
        manager.close();
    }
}
