package org.djmix.benchmarks;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;
import org.djmix.core.Discretizer;
import org.djmix.core.method.Method;
import org.djmix.core.method.MethodOptions;
import org.djmix.core.method.Methods;
import org.djmix.core.platform.GlibcMalloc;
import org.djmix.tasks.classification.SmallCnn;
import org.djmix.tasks.classification.WideResNet;
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
 * One training step (forward, loss, backward, SGD update) of a baseline and of DJMix at batch 128
 * of 32×32×3 images, for a small CNN and WideResNet-28-2, on whatever device DJL picks (the GPU
 * when the CUDA engine is on the class path). The paper reports a DJMix step at about 2× a plain
 * one (two forward passes). \(g\) is the identity here: its own cost is measured by the VQ-VAE
 * benchmarks.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 10)
@Measurement(iterations = 3, time = 20)
public class TrainingStepBenchmark {

    /** The network. */
    @Param({"small-cnn", "wrn-28-2"})
    public String model;

    /** The training method. */
    @Param({"baseline", "djmix"})
    public String method;

    /** The batch size (the paper's CIFAR recipe: 128). */
    @Param({"128"})
    public int batch;

    /** How DJMix's two views go through the model: one joint pass of 2B, or two passes of B. */
    @Param({"joint"})
    public String passes;

    /**
     * The discretizer g: {@code identity} (the method's own cost) or {@code vqvae} (the paper's
     * VQ-VAE with random weights: the cost of a real g).
     */
    @Param({"identity"})
    public String discretizer;

    private RandomVqVae randomG;

    private Model djlModel;
    private Trainer trainer;
    private NDManager inputs;
    private NDArray images;
    private NDArray labels;

    /** Builds the model and trainer and a fixed random batch on the trainer's device. */
    @Setup(Level.Trial)
    public void setUp() {
        GlibcMalloc.configure();
        Engine.getInstance().setRandomSeed(1);
        Block network =
                "wrn-28-2".equals(model) ? WideResNet.builder().build() : SmallCnn.build(10);
        Method training =
                Methods.create(
                        method,
                        MethodOptions.builder()
                                .setDiscretizer(discretizer())
                                .optSeed(1)
                                .optSeparatePasses("separate".equals(passes))
                                .build());
        djlModel = Model.newInstance(model);
        djlModel.setBlock(training.trainingBlock(network));
        trainer =
                djlModel.newTrainer(
                        new DefaultTrainingConfig(
                                        training.trainingLoss(Loss.softmaxCrossEntropyLoss()))
                                .optOptimizer(
                                        Optimizer.sgd()
                                                .setLearningRateTracker(Tracker.fixed(0.01f))
                                                .optMomentum(0.9f)
                                                .optWeightDecays(1e-4f)
                                                .build()));
        Shape shape = new Shape(batch, 3, 32, 32);
        trainer.initialize(shape);
        inputs = trainer.getManager().newSubManager();
        images = inputs.randomUniform(0, 1, shape);
        labels =
                inputs.randomInteger(0, 10, new Shape(batch), DataType.INT32)
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

    /** A random-weight VQ-VAE saved and loaded as the discretizer, or the identity. */
    private Discretizer discretizer() {
        if (!"vqvae".equals(discretizer)) {
            return Discretizer.identity();
        }
        try {
            randomG = new RandomVqVae(new Shape(3, 32, 32), 256, 1);
            return randomG.discretizer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Frees the trainer, the model and the discretizer. */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        trainer.close();
        djlModel.close();
        if (randomG != null) {
            randomG.close();
        }
    }
}
