package org.djmix.tasks.data;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.Batch;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.ArrayList;
import java.util.List;
import org.djmix.vqvae.VqVae;
import org.djmix.vqvae.VqVaeLoss;
import org.junit.jupiter.api.Test;

/**
 * The VQ-VAE learns on the synthetic {@code shapes}: 10 Adam steps with the EMA update after each
 * lower the loss.
 */
class VqVaeOnShapesTest {

    @Test
    void tenTrainingStepsLowerTheLoss() throws Exception {
        Engine.getInstance().setRandomSeed(5);
        VqVae vqvae =
                VqVae.builder()
                        .optHiddenChannels(32)
                        .optResidual(1, 8)
                        .optQuantizer(
                                VqVae.defaultQuantizer()
                                        .optCodeDim(8)
                                        .optCodebookSize(32)
                                        .optRevivalInterval(5))
                        .build();
        ImageDataset shapes = Shapes.generate(true).setSampling(32, false).optLimit(32).build();
        List<Float> losses = new ArrayList<>();
        try (Model model = Model.newInstance("vqvae")) {
            model.setBlock(vqvae);
            DefaultTrainingConfig config =
                    new DefaultTrainingConfig(new VqVaeLoss())
                            .optOptimizer(
                                    Optimizer.adam()
                                            .optLearningRateTracker(Tracker.fixed(1e-3f))
                                            .build())
                            // PyTorch's default, as VqVaeTrainer initialises
                            .optInitializer(
                                    new XavierInitializer(
                                            XavierInitializer.RandomType.UNIFORM,
                                            XavierInitializer.FactorType.IN,
                                            1),
                                    Parameter.Type.WEIGHT);
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(32, 3, 32, 32));
                for (int step = 0; step < 10; step++) {
                    for (Batch batch : trainer.iterateDataset(shapes)) {
                        try (batch) {
                            // the images are their own targets
                            NDList images = batch.getData();
                            try (GradientCollector collector = trainer.newGradientCollector()) {
                                NDArray loss =
                                        trainer.getLoss().evaluate(images, trainer.forward(images));
                                collector.backward(loss);
                                losses.add(loss.getFloat());
                            }
                            trainer.step();
                            vqvae.getQuantizer().updateCodebook();
                        }
                    }
                }
            }
        }
        assertThat(losses).hasSize(10).allMatch(Float::isFinite);
        // not 0.7: this small VQ-VAE still follows one of a few trajectories from run to run
        // (docs/design.md, "NaN in convolution gradients", what remains)
        assertThat(losses.get(9)).isLessThan(0.85f * losses.get(0));
    }
}
