package org.djmix.vqvae;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.ArrayDataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.djmix.core.platform.TorchNativeFlags;
import org.djmix.core.training.NonFiniteLossException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VqVaeTrainerTest {

    @TempDir Path temp;

    private static VqVae small() {
        return VqVae.builder()
                .setChannels(1)
                .optHiddenChannels(16)
                .optResidual(1, 8)
                .optQuantizer(VectorQuantizer.builder().optCodeDim(8).optCodebookSize(16))
                .build();
    }

    private static ArrayDataset images(NDManager manager, long seed) {
        Random random = new Random(seed);
        float[] pixels = new float[32 * 16 * 16];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = random.nextFloat();
        }
        NDArray x = manager.create(pixels, new Shape(32, 1, 16, 16));
        return new ArrayDataset.Builder().setData(x).optLabels(x).setSampling(16, false).build();
    }

    @Test
    void writesMetricsAndAModelEveryEpochAndResumesAfterTheLastOne() throws IOException {
        Path out = temp.resolve("dae");
        Shape shape = new Shape(1, 16, 16);
        try (NDManager manager = NDManager.newBaseManager()) {
            List<EpochMetrics> first =
                    VqVaeTrainer.builder()
                            .optEpochs(2)
                            .optBatchSize(16)
                            .build()
                            .train(small(), images(manager, 1), images(manager, 2), shape, out);
            assertThat(first).hasSize(2);
            assertThat(first.get(1).testMse()).isPositive().isFinite();
            assertThat(first.get(1).codesUsed()).isBetween(1, 16);
            assertThat(Files.readString(out.resolve("metrics.json"))).contains("\"epoch\": 2");

            List<EpochMetrics> resumed =
                    VqVaeTrainer.builder()
                            .optEpochs(3)
                            .optBatchSize(16)
                            .optResume(true)
                            .build()
                            .train(small(), images(manager, 1), images(manager, 2), shape, out);
            assertThat(resumed).hasSize(3);
            assertThat(resumed.get(0)).isEqualTo(first.get(0));
            assertThat(resumed.get(2).epoch()).isEqualTo(3);
            try (VqVaeDiscretizer g = VqVaeDiscretizer.load(out, manager, 16)) {
                assertThat(g.getConfig().imageShape()).isEqualTo(shape);
            }
        }
    }

    /**
     * Regression: a resumed run used to train on from freshly initialised weights (DJL's trainer
     * had cached them before the checkpoint was loaded), so its codebook no longer fitted the
     * encoder and collapsed. With a learning rate of ~0 the resumed epoch must score as the saved
     * model does (within 15 %: the EMA codebook still moves).
     */
    @Test
    void aResumedRunContinuesFromTheSavedWeights() throws IOException {
        Path out = temp.resolve("dae");
        Shape shape = new Shape(1, 16, 16);
        try (NDManager manager = NDManager.newBaseManager()) {
            List<EpochMetrics> first =
                    VqVaeTrainer.builder()
                            .optEpochs(3)
                            .optBatchSize(16)
                            .optLearningRate(3e-3f)
                            .build()
                            .train(small(), images(manager, 1), images(manager, 1), shape, out);
            List<EpochMetrics> resumed =
                    VqVaeTrainer.builder()
                            .optEpochs(4)
                            .optBatchSize(16)
                            .optLearningRate(1e-9f)
                            .optResume(true)
                            .build()
                            .train(small(), images(manager, 1), images(manager, 1), shape, out);
            double saved = first.get(2).testMse();
            assertThat(first.get(0).testMse()).isGreaterThan(1.3 * saved);
            assertThat(resumed.get(3).testMse()).isCloseTo(saved, within(0.15 * saved));
        }
    }

    /**
     * Regression: with every new PyTorch buffer filled with NaN junk, a read of memory nobody wrote
     * shows at once. Training must then give the same losses and the same parameter bytes as under
     * the default allocator.
     */
    @Test
    void trainsTheSameWhenFreshMemoryHoldsNaNJunk() throws IOException {
        Shape shape = new Shape(1, 16, 16);
        Path plain = temp.resolve("plain");
        Path junk = temp.resolve("junk");
        try (NDManager manager = NDManager.newBaseManager()) {
            VqVaeTrainer trainer = VqVaeTrainer.builder().optEpochs(2).optBatchSize(16).build();
            List<EpochMetrics> expected =
                    trainer.train(small(), images(manager, 1), images(manager, 2), shape, plain);
            List<EpochMetrics> actual;
            assertThat(TorchNativeFlags.setJunkFill(true)).isTrue();
            try {
                actual =
                        trainer.train(small(), images(manager, 1), images(manager, 2), shape, junk);
            } finally {
                TorchNativeFlags.setJunkFill(false);
            }
            for (int i = 0; i < expected.size(); i++) {
                assertThat(actual.get(i).trainLoss()).isEqualTo(expected.get(i).trainLoss());
                assertThat(actual.get(i).testMse()).isEqualTo(expected.get(i).testMse());
            }
            assertThat(junk.resolve("autoencoder.params"))
                    .hasSameBinaryContentAs(plain.resolve("autoencoder.params"));
        }
    }

    @Test
    void aNonFiniteLossStopsTrainingAndNamesTheCheckpoint() {
        Path out = temp.resolve("diverged");
        try (NDManager manager = NDManager.newBaseManager()) {
            VqVaeTrainer trainer =
                    VqVaeTrainer.builder()
                            .optEpochs(1)
                            .optBatchSize(16)
                            .optLearningRate(1e30f)
                            .build();
            assertThatThrownBy(
                            () ->
                                    trainer.train(
                                            small(),
                                            images(manager, 1),
                                            images(manager, 2),
                                            new Shape(1, 16, 16),
                                            out))
                    .isInstanceOf(NonFiniteLossException.class)
                    .hasMessageContaining("training loss is")
                    .hasMessageContaining("at epoch 1, step 2 of 2")
                    .hasMessageContaining("no epoch was complete");
            assertThat(out).doesNotExist();
        }
    }

    @Test
    void badSettingsAreNamed() {
        assertThatThrownBy(() -> VqVaeTrainer.builder().optEpochs(0).build())
                .hasMessageContaining("epochs must be > 0, got 0");
        assertThatThrownBy(() -> VqVaeTrainer.builder().optBatchSize(-1).build())
                .hasMessageContaining("batchSize must be > 0, got -1");
    }
}
