package org.djmix.tasks.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

/** Box IoU, the box coder and NMS on cases small enough to compute by hand. */
class BoxOpsTest {

    @Test
    void iouOfHandDrawnBoxes() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray a = manager.create(new float[] {0, 0, 2, 2, 0, 0, 1, 1}, new Shape(2, 4));
            NDArray b = manager.create(new float[] {1, 1, 3, 3, 5, 5, 6, 6}, new Shape(2, 4));
            float[] iou = BoxIou.pairwise(a, b).toFloatArray();
            // [0,2]² ∩ [1,3]² = 1, union 4 + 4 - 1 = 7; [0,1]² touches [1,3]² in a corner: 0
            assertThat(iou).containsExactly(new float[] {1 / 7f, 0, 0, 0}, within(1e-7f));
            assertThat(BoxIou.area(a).toFloatArray()).containsExactly(4, 1);
        }
    }

    @Test
    void theCoderRoundTripsAndMatchesTheDefinition() {
        try (NDManager manager = NDManager.newBaseManager()) {
            BoxCoder coder = new BoxCoder(10, 10, 5, 5);
            NDArray reference = manager.create(new float[] {0, 0, 10, 20}, new Shape(1, 4));
            NDArray box = manager.create(new float[] {2, 4, 22, 24}, new Shape(1, 4));
            float[] code = coder.encode(box, reference).toFloatArray();
            // centres (5, 10) → (12, 14), sizes (10, 20) → (20, 20)
            assertThat(code)
                    .containsExactly(
                            new float[] {
                                10 * 7 / 10f,
                                10 * 4 / 20f,
                                5 * (float) Math.log(2),
                                5 * (float) Math.log(1)
                            },
                            within(1e-5f));
            NDArray back = coder.decode(coder.encode(box, reference), reference);
            assertThat(back.toFloatArray()).containsExactly(box.toFloatArray(), within(1e-4f));
            // two boxes per reference (the box head's per-class codes) decode side by side
            NDArray twice = coder.encode(box, reference).concat(coder.encode(box, reference), 1);
            assertThat(coder.decode(twice, reference).getShape()).isEqualTo(new Shape(1, 8));
            // a huge log-scale is clamped at log(1000/16)
            NDArray huge = manager.create(new float[] {0, 0, 100, 100}, new Shape(1, 4));
            float width = coder.decode(huge, reference).toFloatArray()[2];
            assertThat(width).isCloseTo(5 + 5 * 1000 / 16f, within(1e-2f));
        }
    }

    @Test
    void nmsVisitsEqualScoresInIndexOrderAndDropsOnlyAboveTheThreshold() {
        float[] boxes = {
            0, 0, 10, 10, // 0
            0, 0, 10, 10, // 1: same box, same score: 0 wins
            0, 0, 10, 5, // 2: IoU 0.5 with 0: kept at threshold 0.5
            20, 20, 30, 30 // 3
        };
        float[] scores = {0.5f, 0.5f, 0.4f, 0.9f};
        assertThat(Nms.nms(boxes, scores, 0.5f)).containsExactly(3, 0, 2);
        assertThat(Nms.nms(boxes, scores, 0.49f)).containsExactly(3, 0);
        // in different classes nothing overlaps
        assertThat(Nms.batched(boxes, scores, new int[] {0, 1, 0, 0}, 0.5f))
                .containsExactly(3, 0, 1, 2);
        assertThatThrownBy(() -> Nms.nms(new float[8], new float[3], 0.5f))
                .hasMessage("8 coordinates for 3 scores; expected 4 per box");
    }

    @Test
    void theSamplerKeepsThePositiveShareAndFillsWithNegatives() {
        int[] labels = new int[100];
        java.util.Arrays.fill(labels, 0, 10, 3); // 10 positives
        java.util.Arrays.fill(labels, 10, 20, -1); // 10 ignored, 80 negatives
        BalancedSampler sampler = new BalancedSampler(32, 0.25f);
        BalancedSampler.Sample sample = sampler.sample(labels, new java.util.SplittableRandom(1));
        assertThat(sample.positives()).hasSize(8).doesNotHaveDuplicates();
        assertThat(java.util.Arrays.stream(sample.positives()).max().getAsInt()).isLessThan(10);
        assertThat(sample.negatives()).hasSize(24).doesNotHaveDuplicates();
        assertThat(java.util.Arrays.stream(sample.negatives()).min().getAsInt())
                .isGreaterThanOrEqualTo(20);
        // few positives: all of them, negatives fill the batch
        BalancedSampler.Sample wide =
                new BalancedSampler(64, 0.5f).sample(labels, new java.util.SplittableRandom(1));
        assertThat(wide.positives()).hasSize(10);
        assertThat(wide.negatives()).hasSize(54);
    }
}
