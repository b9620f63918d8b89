package org.djmix.benchmarks;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.util.concurrent.TimeUnit;
import org.djmix.core.platform.GlibcMalloc;
import org.djmix.image.ByteImage;
import org.djmix.tasks.segmentation.SegmentationTask;
import org.djmix.tasks.segmentation.Segmenter;
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
 * Inference throughput of DeepLab-v3 ResNet-50 (21 classes) as {@code djmix evaluate} and {@code
 * djmix predict} run it: one whole 8-bit image of VOC's typical 500×375 in, the class of every
 * pixel out ({@link Segmenter#predict}), on whatever device DJL picks. The score is images per
 * second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 1, time = 20)
@Measurement(iterations = 3, time = 30)
public class DeepLabInferenceBenchmark {

    /** DeepLab's output stride: 8 (torchvision's) or 16. */
    @Param({"8"})
    public int outputStride;

    private NDManager manager;
    private Segmenter segmenter;
    private ByteImage image;

    /** Builds the model with random weights and a random image. */
    @Setup(Level.Trial)
    public void setUp() {
        GlibcMalloc.configure();
        Engine.getInstance().setRandomSeed(1);
        manager = NDManager.newBaseManager();
        Block model =
                new SegmentationTask("deeplabv3-resnet50", 21, outputStride, false, null).model();
        model.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 64, 64));
        segmenter = new Segmenter(model, manager, 21, 1);
        byte[] pixels = new byte[3 * 375 * 500];
        new java.util.Random(1).nextBytes(pixels);
        image = ByteImage.wrap(3, 375, 500, pixels);
    }

    /**
     * Segments the image.
     *
     * @return the class of the first pixel (read back)
     */
    @Benchmark
    public int predict() {
        return segmenter.predict(image)[0];
    }

    /** Frees the model. */
    @TearDown(Level.Trial)
    public void tearDown() {
        manager.close();
    }
}
