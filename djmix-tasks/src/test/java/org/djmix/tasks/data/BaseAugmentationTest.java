package org.djmix.tasks.data;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.djmix.image.ByteImage;
import org.junit.jupiter.api.Test;

class BaseAugmentationTest {

    /** A 1×4×4 image with distinct values 1..16. */
    private static ByteImage ramp() {
        int[] v = new int[16];
        for (int i = 0; i < 16; i++) {
            v[i] = i + 1;
        }
        return ByteImage.of(1, 4, 4, v);
    }

    /**
     * A generator whose draws are scripted: ints from {@code ints}, doubles from {@code doubles}.
     */
    private static RandomGenerator scripted(int[] ints, double[] doubles) {
        return new Well19937c(0) {
            private int i;
            private int d;

            @Override
            public int nextInt(int n) {
                return ints[i++];
            }

            @Override
            public double nextDouble() {
                return doubles[d++];
            }
        };
    }

    @Test
    void cropsFromThePaddedImageAndFlips() {
        // top = 5 - 4 = +1, left = 4 - 4 = 0, flip (0.1 < 0.5): row y reads row y + 1, mirrored
        ByteImage out =
                new BaseAugmentation(false)
                        .apply(ramp(), scripted(new int[] {5, 4}, new double[] {0.1}));
        assertThat(out.samples())
                .containsExactly(8, 7, 6, 5, 12, 11, 10, 9, 16, 15, 14, 13, 0, 0, 0, 0);
        // left = 2 - 4 = -2, no flip: columns shift right by 2 with black on the left
        ByteImage shifted =
                new BaseAugmentation(false)
                        .apply(ramp(), scripted(new int[] {4, 2}, new double[] {0.9}));
        assertThat(shifted.samples())
                .containsExactly(0, 0, 1, 2, 0, 0, 5, 6, 0, 0, 9, 10, 0, 0, 13, 14);
    }

    @Test
    void erasesARectangleWithTheDrawnAreaAndRatio() {
        // no shift, no flip, erase (0.2 < 0.5): area 16·(0.02 + 0.31·u) with u = 0.5 -> 2.64,
        // ratio 1 (log-uniform midpoint of 0.3..3.3 is 0.995) -> 2×2 at (1, 1)
        double mid = (Math.log(1.0) - Math.log(0.3)) / (Math.log(3.3) - Math.log(0.3));
        ByteImage out =
                new BaseAugmentation(true)
                        .apply(
                                ramp(),
                                scripted(
                                        new int[] {4, 4, 1, 1}, new double[] {0.9, 0.2, 0.5, mid}));
        assertThat(out.samples())
                .containsExactly(1, 2, 3, 4, 5, 0, 0, 8, 9, 0, 0, 12, 13, 14, 15, 16);
    }

    @Test
    void aDatasetAugmentsReproduciblyPerEpochAndImage() {
        try (NDManager manager = NDManager.newBaseManager()) {
            ImageDataset a =
                    Shapes.generate(false)
                            .setSampling(8, false)
                            .optAugmentation(new BaseAugmentation(true), 3)
                            .build();
            ImageDataset b =
                    Shapes.generate(false)
                            .setSampling(8, false)
                            .optAugmentation(new BaseAugmentation(true), 3)
                            .build();
            a.setEpoch(1);
            b.setEpoch(1);
            float[] first = a.get(manager, 5).getData().head().toFloatArray();
            assertThat(b.get(manager, 5).getData().head().toFloatArray()).containsExactly(first);
            a.setEpoch(2);
            assertThat(a.get(manager, 5).getData().head().toFloatArray()).isNotEqualTo(first);
        }
    }
}
