package org.djmix.tasks.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FourierBasisTest {

    private static final int H = 8;
    private static final int W = 6;
    private final FourierBasis basis = new FourierBasis(H, W);

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int k = 0; k < a.length; k++) {
            sum += (double) a[k] * b[k];
        }
        return sum;
    }

    /** Every centred frequency of the 8×6 grid. */
    private List<int[]> frequencies() {
        List<int[]> all = new ArrayList<>();
        for (int i = basis.minRow(); i < basis.minRow() + H; i++) {
            for (int j = basis.minColumn(); j < basis.minColumn() + W; j++) {
                all.add(new int[] {i, j});
            }
        }
        return all;
    }

    @Test
    void eachBasisImageIsTheRealInverseDftOfAConjugatePairWithUnitNorm() {
        for (int[] f : frequencies()) {
            int[] c = basis.conjugate(f[0], f[1]);
            // inverse DFT of a spectrum with 1 at (i, j) and at (-i, -j), by its definition
            double[] real = new double[H * W];
            double norm = 0;
            for (int u = 0; u < H; u++) {
                for (int v = 0; v < W; v++) {
                    double re = 0;
                    double im = 0;
                    int[][] ones = {f, c};
                    int count = f[0] == c[0] && f[1] == c[1] ? 1 : 2;
                    for (int k = 0; k < count; k++) {
                        double phase =
                                2
                                        * Math.PI
                                        * ((double) ones[k][0] * u / H
                                                + (double) ones[k][1] * v / W);
                        re += Math.cos(phase);
                        im += Math.sin(phase);
                    }
                    assertThat(im)
                            .as("imaginary part at %d,%d of %d,%d", u, v, f[0], f[1])
                            .isCloseTo(0, within(1e-9));
                    real[u * W + v] = re;
                    norm += re * re;
                }
            }
            float[] image = basis.image(f[0], f[1]);
            assertThat(dot(image, image)).isCloseTo(1, within(1e-5));
            for (int k = 0; k < image.length; k++) {
                assertThat((double) image[k]).isCloseTo(real[k] / Math.sqrt(norm), within(1e-6));
            }
        }
    }

    @Test
    void distinctRepresentativesAreOrthogonalAndConjugatesAreTheSameImage() {
        List<int[]> representatives =
                frequencies().stream().filter(f -> basis.isRepresentative(f[0], f[1])).toList();
        // 48 frequencies: 4 self-conjugate ((0,0), (-4,0), (0,-3), (-4,-3)) and 22 pairs
        assertThat(representatives).hasSize(4 + 22);
        for (int a = 0; a < representatives.size(); a++) {
            int[] f = representatives.get(a);
            int[] c = basis.conjugate(f[0], f[1]);
            assertThat(basis.isRepresentative(c[0], c[1])).isEqualTo(f[0] == c[0] && f[1] == c[1]);
            assertThat(basis.image(c[0], c[1]))
                    .containsExactly(basis.image(f[0], f[1]), within(1e-6f));
            for (int b = a + 1; b < representatives.size(); b++) {
                int[] g = representatives.get(b);
                assertThat(dot(basis.image(f[0], f[1]), basis.image(g[0], g[1])))
                        .as("(%d,%d).(%d,%d)", f[0], f[1], g[0], g[1])
                        .isCloseTo(0, within(1e-5));
            }
        }
    }

    @Test
    void refusesAnEmptyInput() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new FourierBasis(0, 4))
                .hasMessageContaining("0x4");
    }
}
