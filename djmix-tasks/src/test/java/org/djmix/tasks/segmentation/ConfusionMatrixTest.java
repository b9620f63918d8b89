package org.djmix.tasks.segmentation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** mIoU, per-class IoU and pixel accuracy against a hand computation with an ignored pixel. */
class ConfusionMatrixTest {

    private static final int[] LABELS = {0, 0, 1, 1, 2, 255};
    private static final int[] PREDICTIONS = {0, 1, 1, 1, 0, 2};

    @Test
    void scoresEqualAHandComputation() {
        ConfusionMatrix matrix = new ConfusionMatrix(4);
        matrix.add(LABELS, PREDICTIONS);
        // class 0: 1 right, 2 labelled, 2 predicted → 1/3; class 1: 2 / (2 + 3 − 2) = 2/3;
        // class 2: 0 right of 1 labelled → 0; class 3 occurs nowhere → NaN, left out of the mean
        double[] iou = matrix.iou();
        assertThat(iou[0]).isCloseTo(1 / 3.0, within(1e-12));
        assertThat(iou[1]).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(iou[2]).isZero();
        assertThat(iou[3]).isNaN();
        assertThat(matrix.meanIou()).isCloseTo(1 / 3.0, within(1e-12));
        assertThat(matrix.pixelAccuracy()).isCloseTo(3 / 5.0, within(1e-12));
        assertThat(matrix.count(2, 0)).isEqualTo(1);
    }

    @Test
    void matricesAddUpAndAnEmptyOneHasNoScore() {
        ConfusionMatrix total = new ConfusionMatrix(4);
        assertThat(total.meanIou()).isNaN();
        ConfusionMatrix part = new ConfusionMatrix(4);
        part.add(LABELS, PREDICTIONS);
        total.add(part);
        total.add(part);
        assertThat(total.count(1, 1)).isEqualTo(4);
        assertThat(total.meanIou()).isCloseTo(1 / 3.0, within(1e-12));
    }

    @Test
    void aClassOutsideTheRangeIsNamed() {
        ConfusionMatrix matrix = new ConfusionMatrix(3);
        assertThatThrownBy(() -> matrix.add(new int[] {0, 3}, new int[] {0, 0}))
                .hasMessage("pixel 1: label 3, prediction 0; expected 0..2 (or label 255)");
        assertThatThrownBy(() -> matrix.add(new int[] {0}, new int[] {0, 1}))
                .hasMessage("1 labels but 2 predictions");
    }
}
