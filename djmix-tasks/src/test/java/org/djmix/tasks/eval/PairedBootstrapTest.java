package org.djmix.tasks.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PairedBootstrapTest {

    @Test
    void theIntervalOfAFixedDifferenceIsThatDifference() {
        // A is wrong on every image B gets wrong, plus 3 more of 12 blocks each: paired, the
        // difference does not depend on which images are drawn
        int[] a = new int[500];
        int[] b = new int[500];
        for (int i = 0; i < a.length; i++) {
            b[i] = i % 7;
            a[i] = b[i] + 3;
        }
        PairedBootstrap.Difference d = PairedBootstrap.difference(a, b, 12, 0);
        assertThat(d.difference()).isCloseTo(0.25, within(1e-12));
        assertThat(d.low()).isCloseTo(0.25, within(1e-12));
        assertThat(d.high()).isCloseTo(0.25, within(1e-12));
        assertThat(d.lower()).isFalse();
    }

    @Test
    void theIntervalOfCoinFlipsHasTheBinomialWidth() {
        // A is wrong on 20 % of 2 000 images where B is right, and right on 10 % where B is
        // wrong: d_i ∈ {+1, −1, 0}, mean 0.1, sd sqrt(0.3 − 0.01) = 0.5385
        int n = 2_000;
        int[] a = new int[n];
        int[] b = new int[n];
        for (int i = 0; i < n; i++) {
            int r = i % 10;
            a[i] = r < 2 ? 1 : 0;
            b[i] = r == 2 ? 1 : 0;
        }
        PairedBootstrap.Difference d = PairedBootstrap.difference(a, b, 1, 7);
        double halfWidth = 1.96 * Math.sqrt(0.29 / n);
        assertThat(d.difference()).isCloseTo(0.1, within(1e-12));
        assertThat(d.low()).isCloseTo(0.1 - halfWidth, within(0.15 * halfWidth));
        assertThat(d.high()).isCloseTo(0.1 + halfWidth, within(0.15 * halfWidth));
        assertThat(PairedBootstrap.difference(b, a, 1, 7).lower()).isTrue();
        assertThat(PairedBootstrap.difference(a, b, 1, 7)).isEqualTo(d);
    }

    @Test
    void unpairedCountsAreRefusedWithBothSizes() {
        assertThatThrownBy(() -> PairedBootstrap.difference(new int[3], new int[4], 1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got 3 and 4");
        assertThatThrownBy(() -> PairedBootstrap.difference(new int[3], new int[3], 0, 0))
                .hasMessageContaining("blocks must be > 0, got 0");
    }
}
