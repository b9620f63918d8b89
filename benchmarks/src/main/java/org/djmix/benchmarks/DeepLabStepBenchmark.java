package org.djmix.benchmarks;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.Trainer;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.djmix.core.Discretizer;
import org.djmix.core.method.Methods;
import org.djmix.core.platform.GlibcMalloc;
import org.djmix.tasks.segmentation.SegmentationTask;
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
 * One training step of DeepLab-v3 ResNet-50 (torchvision's, with the auxiliary head) on 513×513
 * crops of 21-class VOC-like data: forward, the per-pixel loss (plus for DJMix the Jensen–Shannon
 * term on the head's logits before upsampling, REFERENCE §1), backward and the SGD update, on
 * whatever device DJL picks. DJMix's g is the paper's VQ-VAE (random weights) applied to the whole
 * crops. The target: a DJMix step at most 2.1× a baseline one. Each step takes seconds on a
 * CPU, so every iteration times one step.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class DeepLabStepBenchmark {

    /** The training method. */
    @Param({"baseline", "djmix"})
    public String method;

    /** Images per step (the CPU budget of the issue; the paper's GPUs take 32). */
    @Param({"2"})
    public int batch;

    /** The crop side (DeepLab's VOC recipe: 513). */
    @Param({"513"})
    public int crop;

    /** DeepLab's output stride: 8 (torchvision's) or 16. */
    @Param({"8"})
    public int outputStride;

    private RandomVqVae g;
    private Model model;
    private Trainer trainer;
    private NDManager inputs;
    private NDArray images;
    private NDArray labels;

    /** Builds the model and trainer and a fixed random batch on the trainer's device. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        GlibcMalloc.configure();
        Engine.getInstance().setRandomSeed(1);
        SegmentationTask task =
                new SegmentationTask("deeplabv3-resnet50", 21, outputStride, true, null);
        Discretizer discretizer = Discretizer.identity();
        if (Methods.needsDiscretizer(method)) {
            g = new RandomVqVae(new Shape(3, crop, crop), batch, 1);
            discretizer = g.discretizer();
        }
        model = Model.newInstance("deeplabv3");
        trainer = TrainingSteps.denseTaskTrainer(model, task, method, discretizer, false, 0.01f);
        Shape shape = new Shape(batch, 3, crop, crop);
        trainer.initialize(shape);
        inputs = trainer.getManager().newSubManager();
        images = inputs.randomUniform(0, 1, shape);
        labels =
                inputs.randomInteger(0, 21, new Shape(batch, crop, crop), DataType.INT32)
                        .toType(DataType.FLOAT32, false);
    }

    /**
     * Runs one step.
     *
     * @return the step's loss (read back, which also waits for an asynchronous device)
     */
    @Benchmark
    public float step() {
        return TrainingSteps.run(trainer, inputs, images, labels);
    }

    /** Frees the trainer, the model and g. */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        trainer.close();
        model.close();
        if (g != null) {
            g.close();
        }
    }
}
