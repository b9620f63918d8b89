package org.djmix.tasks.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * VOC AP on a case worked by hand: a true positive, its duplicate (a false positive), a detection
 * of a difficult box (ignored), a miss, a second image, a class never detected and one without
 * ground truth.
 */
class VocAveragePrecisionTest {

    @Test
    void averagePrecisionEqualsTheHandComputation() {
        VocAveragePrecision ap = new VocAveragePrecision(3, 0.5f);
        ap.add(
                new int[] {0, 0},
                new float[] {0, 0, 10, 10, 20, 20, 30, 30},
                new boolean[] {false, true},
                new int[] {0, 0, 0, 0},
                new float[] {0, 0, 10, 10, 1, 0, 11, 10, 20, 20, 30, 30, 50, 50, 60, 60},
                new float[] {0.9f, 0.8f, 0.7f, 0.6f});
        ap.add(
                new int[] {0, 1},
                new float[] {0, 0, 10, 10, 0, 0, 5, 5},
                new boolean[] {false, false},
                new int[] {0},
                new float[] {0, 0, 10, 10},
                new float[] {0.65f});
        // by score: TP (r .5, p 1), duplicate FP (.5, .5), difficult ignored, TP (1, 2/3), FP (1,
        // .5)
        double[] everyPoint = ap.averagePrecisions(false);
        assertThat(everyPoint[0]).isCloseTo(0.5 * 1 + 0.5 * 2 / 3.0, within(1e-12));
        assertThat(everyPoint[1]).isZero();
        assertThat(everyPoint[2]).isNaN();
        assertThat(ap.meanAveragePrecision(false)).isCloseTo(5 / 12.0, within(1e-12));
        // 11 points: recall 0..0.5 at precision 1, 0.6..1 at 2/3
        assertThat(ap.averagePrecisions(true)[0])
                .isCloseTo((6 * 1 + 5 * 2 / 3.0) / 11, within(1e-12));
        // asking twice gives the same (matches are reset)
        assertThat(ap.averagePrecisions(false)[0]).isEqualTo(everyPoint[0]);
    }

    @Test
    void aLabelOutsideTheClassesIsNamed() {
        VocAveragePrecision ap = new VocAveragePrecision(2, 0.5f);
        assertThatThrownBy(
                        () ->
                                ap.add(
                                        new int[] {2},
                                        new float[4],
                                        new boolean[1],
                                        new int[0],
                                        new float[0],
                                        new float[0]))
                .hasMessage("class 2 outside 0..1");
    }
}
