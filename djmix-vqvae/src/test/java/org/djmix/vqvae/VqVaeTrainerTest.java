package org.djmix.vqvae;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.ArrayDataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
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

    @Test
    void badSettingsAreNamed() {
        assertThatThrownBy(() -> VqVaeTrainer.builder().optEpochs(0).build())
                .hasMessageContaining("epochs must be > 0, got 0");
        assertThatThrownBy(() -> VqVaeTrainer.builder().optBatchSize(-1).build())
                .hasMessageContaining("batchSize must be > 0, got -1");
    }
}
