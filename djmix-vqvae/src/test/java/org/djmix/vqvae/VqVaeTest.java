package org.djmix.vqvae;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.dataset.Batch;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class VqVaeTest {

    private static VqVae small(int channels) {
        return VqVae.builder()
                .setChannels(channels)
                .optHiddenChannels(32)
                .optResidual(1, 8)
                .optQuantizer(
                        VectorQuantizer.builder()
                                .optCodeDim(8)
                                .optCodebookSize(32)
                                .optRevivalInterval(5))
                .build();
    }

    /** Grey squares of random size and brightness on black: a small stand-in for "shapes". */
    private static NDArray squares(NDManager manager, int count, int size, long seed) {
        Random random = new Random(seed);
        float[] pixels = new float[count * size * size];
        for (int i = 0; i < count; i++) {
            int side = 4 + random.nextInt(size / 2);
            int top = random.nextInt(size - side);
            int left = random.nextInt(size - side);
            float value = 0.3f + 0.7f * random.nextFloat();
            for (int y = top; y < top + side; y++) {
                for (int x = left; x < left + side; x++) {
                    pixels[(i * size + y) * size + x] = value;
                }
            }
        }
        return manager.create(pixels, new Shape(count, 1, size, size));
    }

    @Test
    void mapsImagesToReconstructionsAndAGridOfCodes() {
        try (NDManager manager = NDManager.newBaseManager()) {
            VqVae vqvae = VqVae.builder().build();
            Shape input = new Shape(2, 3, 32, 32);
            vqvae.initialize(manager, DataType.FLOAT32, input);
            NDList out =
                    vqvae.forward(
                            new ParameterStore(manager, false),
                            new NDList(manager.randomUniform(0, 1, input)),
                            false);
            assertThat(out.get(0).getShape()).isEqualTo(input);
            assertThat(out.get(1).getShape()).isEqualTo(new Shape());
            assertThat(out.get(2).getShape()).isEqualTo(new Shape(2, 8, 8));
            assertThat(vqvae.getQuantizer().getCodebook().getShape()).isEqualTo(new Shape(512, 64));
        }
    }

    @Test
    void tenTrainingStepsLowerTheLoss() throws Exception {
        Engine.getInstance().setRandomSeed(5);
        VqVae vqvae = small(1);
        List<Float> losses = new ArrayList<>();
        try (NDManager data = NDManager.newBaseManager();
                Model model = Model.newInstance("vqvae")) {
            model.setBlock(vqvae);
            NDArray images = squares(data, 32, 16, 1);
            ArrayDataset dataset =
                    new ArrayDataset.Builder()
                            .setData(images)
                            .optLabels(images)
                            .setSampling(32, false)
                            .build();
            DefaultTrainingConfig config =
                    new DefaultTrainingConfig(new VqVaeLoss())
                            .optOptimizer(
                                    Optimizer.adam()
                                            .optLearningRateTracker(Tracker.fixed(2e-3f))
                                            .build())
                            .addTrainingListeners(new CodebookUpdateListener(vqvae.getQuantizer()));
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(32, 1, 16, 16));
                for (int step = 0; step < 10; step++) {
                    for (Batch batch : trainer.iterateDataset(dataset)) {
                        try (batch) {
                            NDList predictions = trainer.evaluate(batch.getData());
                            losses.add(
                                    trainer.getLoss()
                                            .evaluate(batch.getLabels(), predictions)
                                            .getFloat());
                            EasyTrain.trainBatch(trainer, batch);
                            trainer.step();
                        }
                    }
                }
            }
        }
        assertThat(losses.get(9)).isLessThan(0.7f * losses.get(0));
    }

    @Test
    void wrongImagesAndSettingsAreNamed() {
        try (NDManager manager = NDManager.newBaseManager()) {
            VqVae vqvae = small(3);
            vqvae.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 16, 16));
            ParameterStore store = new ParameterStore(manager, false);
            NDArray grey = manager.zeros(new Shape(1, 1, 16, 16));
            assertThatThrownBy(() -> vqvae.forward(store, new NDList(grey), false))
                    .hasMessageContaining("images must be (N, 3, H, W) with H and W divisible by 4")
                    .hasMessageContaining("(1, 1, 16, 16)");
            NDArray odd = manager.zeros(new Shape(1, 3, 18, 18));
            assertThatThrownBy(() -> vqvae.forward(store, new NDList(odd), false))
                    .hasMessageContaining("divisible by 4");
            assertThatThrownBy(() -> VqVae.builder().setChannels(2).build())
                    .hasMessageContaining("channels must be 1 or 3, got 2");
        }
    }
}
