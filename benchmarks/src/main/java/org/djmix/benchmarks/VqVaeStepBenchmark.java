package org.djmix.benchmarks;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.concurrent.TimeUnit;
import org.djmix.core.platform.GlibcMalloc;
import org.djmix.vqvae.VqVae;
import org.djmix.vqvae.VqVaeLoss;
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
 * One pre-training step of g, the paper's VQ-VAE (h = 128, K = 512 codes of D = 64, sub-pixel
 * decoder): forward, \(\|g(x) - x\|^2 + \beta\|z_e - sg(e)\|^2\), backward, Adam (3e-4) and the
 * codebook's EMA update, at batch 128 of 32×32×3 images, on whatever device DJL picks. Its PyTorch
 * peer is {@code benchmarks/peer/vqvae_step.py}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 10)
@Measurement(iterations = 3, time = 20)
public class VqVaeStepBenchmark {

    /** The batch size (the paper's: 128). */
    @Param({"128"})
    public int batch;

    private Model model;
    private Trainer trainer;
    private VqVae vqvae;
    private NDManager inputs;
    private NDArray images;

    /** Builds g and its trainer and a fixed random batch on the trainer's device. */
    @Setup(Level.Trial)
    public void setUp() {
        GlibcMalloc.configure();
        Engine.getInstance().setRandomSeed(1);
        vqvae = VqVae.builder().optQuantizer(VqVae.defaultQuantizer()).build();
        model = Model.newInstance("vqvae");
        model.setBlock(vqvae);
        trainer =
                model.newTrainer(
                        new DefaultTrainingConfig(new VqVaeLoss())
                                .optOptimizer(
                                        Optimizer.adam()
                                                .optLearningRateTracker(Tracker.fixed(3e-4f))
                                                .build()));
        Shape shape = new Shape(batch, 3, 32, 32);
        trainer.initialize(shape);
        inputs = trainer.getManager().newSubManager();
        images = inputs.randomUniform(0, 1, shape);
    }

    /**
     * Runs one step.
     *
     * @return the step's loss (read back, which also waits for an asynchronous device)
     */
    @Benchmark
    public float step() {
        float loss = TrainingSteps.run(trainer, inputs, images, images);
        vqvae.getQuantizer().updateCodebook();
        return loss;
    }

    /** Frees the trainer and the model. */
    @TearDown(Level.Trial)
    public void tearDown() {
        trainer.close();
        model.close();
    }
}
