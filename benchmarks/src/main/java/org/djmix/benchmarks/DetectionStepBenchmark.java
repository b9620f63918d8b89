package org.djmix.benchmarks;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.Trainer;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.djmix.core.Discretizer;
import org.djmix.core.method.Methods;
import org.djmix.core.platform.GlibcMalloc;
import org.djmix.tasks.detection.DetectionTask;
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
 * One training step of torchvision's Faster R-CNN ResNet-50 FPN (20 VOC classes, frozen BatchNorm,
 * 3 trainable stages: the fine-tuning setting) on a batch of 512×512 images with three objects
 * each: both stages' sampling and losses (plus for DJMix the Jensen–Shannon term on the backbone's
 * output, its views in separate passes, and g, the paper's VQ-VAE with random weights), backward
 * and the SGD update, on whatever device DJL picks. Every iteration times one step. The learning
 * rate is 0: with random weights and BatchNorm frozen at its initial statistics the network does
 * not normalise, and one update at any useful rate makes the next step NaN; at rate 0 every step
 * does the same arithmetic (momentum, decay and the update included) on the same finite weights, as
 * the PyTorch peer ({@code frcnn_step.py}) does too.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class DetectionStepBenchmark {

    /** The training method. */
    @Param({"baseline", "djmix"})
    public String method;

    /** Images per step. */
    @Param({"2"})
    public int batch;

    /** The image side. */
    @Param({"512"})
    public int size;

    private RandomVqVae g;
    private Model model;
    private Trainer trainer;
    private NDManager inputs;
    private NDList data;
    private NDList labels;

    /** Builds the model and trainer and a fixed random batch on the trainer's device. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        GlibcMalloc.configure();
        Engine.getInstance().setRandomSeed(1);
        DetectionTask task = new DetectionTask("fasterrcnn-resnet50-fpn", 20, 3, true, 1, null);
        Discretizer discretizer = Discretizer.identity();
        if (Methods.needsDiscretizer(method)) {
            g = new RandomVqVae(new Shape(3, size, size), batch, 1);
            discretizer = g.discretizer();
        }
        model = Model.newInstance("fasterrcnn");
        trainer = TrainingSteps.denseTaskTrainer(model, task, method, discretizer, true, 0f);
        Shape shape = new Shape(batch, 3, size, size);
        trainer.initialize(shape);
        inputs = trainer.getManager().newSubManager();
        NDArray images = inputs.randomUniform(0, 1, shape);
        float[] sizes = new float[2 * batch];
        float[] boxes = new float[batch * 3 * 4];
        float[] classes = new float[batch * 3];
        for (int i = 0; i < batch; i++) {
            sizes[2 * i] = size;
            sizes[2 * i + 1] = size;
            for (int j = 0; j < 3; j++) {
                float x = 40 + 140 * j;
                float y = 60 + 100 * j;
                int k = i * 3 + j;
                boxes[4 * k] = x;
                boxes[4 * k + 1] = y;
                boxes[4 * k + 2] = x + 90 + 20 * i;
                boxes[4 * k + 3] = y + 120;
                classes[k] = (i * 3 + j) % 20;
            }
        }
        data = new NDList(images, inputs.create(sizes, new Shape(batch, 2)));
        labels =
                new NDList(
                        inputs.create(boxes, new Shape(batch, 3, 4)),
                        inputs.create(classes, new Shape(batch, 3)),
                        inputs.zeros(new Shape(batch, 3)));
    }

    /**
     * Runs one step.
     *
     * @return the step's loss (read back, which also waits for an asynchronous device)
     */
    @Benchmark
    public float step() {
        return TrainingSteps.run(trainer, inputs, data, labels);
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
