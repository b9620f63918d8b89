package org.djmix.vqvae;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class VectorQuantizerTest {

    private NDManager manager;
    private ParameterStore store;

    @BeforeEach
    void setUp() {
        manager = NDManager.newBaseManager();
        store = new ParameterStore(manager, false);
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    private VectorQuantizer quantizer(int k, int d, float decay, int revival) {
        VectorQuantizer vq =
                VectorQuantizer.builder()
                        .optCodebookSize(k)
                        .optCodeDim(d)
                        .optDecay(decay)
                        .optRevivalInterval(revival)
                        .build();
        vq.initialize(manager, DataType.FLOAT32, new Shape(1, d, 1, 3));
        return vq;
    }

    /** One-dimensional vectors laid out as an (1, 1, 1, N) encoder output. */
    private NDArray row(float... values) {
        return manager.create(values, new Shape(1, 1, 1, values.length));
    }

    @Test
    void replacesEachVectorByItsNearestCodeAndReportsTheCodes() {
        VectorQuantizer vq = quantizer(2, 1, 0.5f, 0);
        vq.getCodebook().set(new float[] {0, 10});
        NDList out = vq.forward(store, new NDList(row(1, 2, 9)), false);
        assertThat(out.get(0).toFloatArray()).containsExactly(0f, 0f, 10f);
        assertThat(out.get(2).toLongArray()).containsExactly(0L, 0L, 1L);
        // commitment 0.25 * mean((1-0)^2, (2-0)^2, (9-10)^2) = 0.25 * 2
        assertThat(out.get(1).getFloat()).isCloseTo(0.5f, within(1e-6f));
    }

    @Test
    void emaUpdateFollowsTheBiasCorrectedFormula() {
        VectorQuantizer vq = quantizer(2, 1, 0.5f, 0);
        vq.getCodebook().set(new float[] {0, 10});
        // step 1: counts (2, 1), sums (3, 9); c = 0.5 * counts, s = 0.5 * sums;
        // corrected by 1 - 0.5^1: c^ = (2, 1), s^ = (3, 9); e = s^ / c~ with c~ ~ c^ -> (1.5, 9)
        vq.forward(store, new NDList(row(1, 2, 9)), true);
        vq.updateCodebook();
        assertThat(vq.getCodebook().toFloatArray()[0]).isCloseTo(1.5f, within(1e-4f));
        assertThat(vq.getCodebook().toFloatArray()[1]).isCloseTo(9f, within(1e-4f));
        // step 2, same batch: c = 0.5 c + 0.5 n = (1.5, 0.75), corrected by 0.75: (2, 1) again
        vq.forward(store, new NDList(row(1, 2, 9)), true);
        vq.updateCodebook();
        assertThat(vq.getCodebook().toFloatArray()[0]).isCloseTo(1.5f, within(1e-4f));
        // an update without a training forward changes nothing
        vq.updateCodebook();
        assertThat(vq.getCodebook().toFloatArray()[1]).isCloseTo(9f, within(1e-4f));
    }

    @Test
    void laplaceSmoothingKeepsAnUnusedCodeFinite() {
        VectorQuantizer vq = quantizer(3, 1, 0.5f, 0);
        vq.getCodebook().set(new float[] {0, 10, 100});
        vq.forward(store, new NDList(row(1, 2, 9)), true);
        vq.updateCodebook();
        float[] codes = vq.getCodebook().toFloatArray();
        // the unused code's sum is 0, so it collapses to 0 but stays finite
        assertThat(codes[2]).isFinite().isCloseTo(0f, within(1e-3f));
    }

    @Test
    void straightThroughGradientReachesTheEncoderOutput() {
        VectorQuantizer vq = quantizer(2, 1, 0.5f, 0);
        vq.getCodebook().set(new float[] {0, 10});
        NDArray z = row(1, 2, 9);
        z.setRequiresGradient(true);
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDList out = vq.forward(store, new NDList(z), true);
            collector.backward(
                    out.get(0)
                            .mul(manager.create(new float[] {1, 2, 3}).reshape(1, 1, 1, 3))
                            .sum());
        }
        // d(sum(w * z_q))/dz = w through the straight-through estimator
        assertThat(z.getGradient().toFloatArray()).containsExactly(1f, 2f, 3f);
    }

    @Test
    void unusedCodesAreRevivedFromRecentEncoderOutputs() {
        VectorQuantizer vq = quantizer(4, 1, 0.99f, 1);
        vq.getCodebook().set(new float[] {0, 100, 200, 300});
        NDArray batch = row(0.5f, 1, 1.5f);
        vq.forward(store, new NDList(batch), true);
        vq.updateCodebook();
        float[] codes = vq.getCodebook().toFloatArray();
        for (int k = 1; k < 4; k++) {
            assertThat(codes[k]).isIn(0.5f, 1f, 1.5f);
        }
        long used =
                java.util.Arrays.stream(
                                vq.forward(store, new NDList(batch), false).get(2).toLongArray())
                        .distinct()
                        .count();
        assertThat(used).isGreaterThan(1);
    }

    @Test
    void wrongEncoderWidthAndBadSettingsAreNamed() {
        VectorQuantizer vq = quantizer(2, 1, 0.5f, 0);
        NDArray wide = manager.zeros(new Shape(1, 3, 2, 2));
        assertThatThrownBy(() -> vq.forward(store, new NDList(wide), false))
                .hasMessageContaining("encoder output must be (N, 1, H, W), got (1, 3, 2, 2)");
        assertThatThrownBy(() -> VectorQuantizer.builder().optCodebookSize(-3).build())
                .hasMessageContaining("codebookSize must be > 0, got -3");
        assertThatThrownBy(() -> VectorQuantizer.builder().optDecay(1f).build())
                .hasMessageContaining("decay must be in (0, 1), got 1.0");
    }
}
