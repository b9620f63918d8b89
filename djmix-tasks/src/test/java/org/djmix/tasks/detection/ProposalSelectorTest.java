package org.djmix.tasks.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Proposal selection on a 1×2 grid with one anchor per cell, worked by hand: top-k per level,
 * decoding, clipping to the unpadded image, NMS and the final cut.
 */
class ProposalSelectorTest {

    @Test
    void selectsDecodesClipsAndSuppresses() {
        try (NDManager manager = NDManager.newBaseManager()) {
            // two images; cell 0 and cell 1 of a 1x2 grid, anchors (0,0,10,10) and (8,0,18,10)
            float[] anchors = {0, 0, 10, 10, 8, 0, 18, 10};
            float[] logits = {2f, 1f, /* image 1 */ -1f, 3f};
            float[] deltas = new float[2 * 4 * 2];
            // image 0, cell 1: shift right by one anchor width (dx = 1): (18,0,28,10)
            deltas[0 * 8 + 0 * 2 + 1] = 1f;
            NDList head =
                    new NDList(
                            manager.create(logits, new Shape(2, 1, 1, 2)),
                            manager.create(deltas, new Shape(2, 4, 1, 2)));
            ProposalSelector selector = new ProposalSelector(2, 5, 0.5f, 1e-3f, 0f);
            List<ProposalSelector.Proposals> out =
                    selector.select(head, anchors, new int[][] {{10, 20}, {10, 12}});
            ProposalSelector.Proposals first = out.get(0);
            assertThat(first.size()).isEqualTo(2);
            // best first: cell 0 (logit 2) unchanged; cell 1 moved to (18,0,28,10), clipped at 20
            assertThat(first.boxes()).containsExactly(0, 0, 10, 10, 18, 0, 20, 10);
            assertThat(first.scores()[0])
                    .isCloseTo((float) (1 / (1 + Math.exp(-2))), within(1e-6f));
            // image 1 is 12 wide: cell 1's anchor clips to (8,0,12,10); cell 0 overlaps it by
            // 2*10 / (100 + 40 - 20) = 1/6, so both stay, the higher logit first
            ProposalSelector.Proposals second = out.get(1);
            assertThat(second.boxes()).containsExactly(8, 0, 12, 10, 0, 0, 10, 10);
            // a top-1 selection keeps only the best anchor per level
            assertThat(
                            new ProposalSelector(1, 5, 0.5f, 1e-3f, 0f)
                                    .select(head, anchors, new int[][] {{10, 20}, {10, 12}})
                                    .get(1)
                                    .boxes())
                    .containsExactly(8, 0, 12, 10);
        }
    }

    @Test
    void topNBreaksTiesByIndex() {
        assertThat(ProposalSelector.topN(new float[] {1, 3, 3, 0, 2}, 3)).containsExactly(1, 2, 4);
    }
}
