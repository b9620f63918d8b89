package org.djmix.tasks.segmentation;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.math3.random.Well19937c;
import org.djmix.image.ByteImage;
import org.junit.jupiter.api.Test;

/**
 * The mask follows the image: on an image whose colour encodes its class, every pixel the
 * transformed mask labels c (away from borders, where bilinear blends) still has colour 40·c, and
 * padding is labelled ignore.
 */
class JointTransformTest {

    /** Vertical bands of classes 0..4, 12 columns each; colour 40·class in every channel. */
    private static ByteImage[] bands(int height, int width) {
        ByteImage image = ByteImage.zeros(3, height, width);
        ByteImage mask = ByteImage.zeros(1, height, width);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int c = (x / 12) % 5;
                mask.set(0, y, x, c);
                for (int ch = 0; ch < 3; ch++) {
                    image.set(ch, y, x, 40 * c + 10 * (y % 2));
                }
            }
        }
        return new ByteImage[] {image, mask};
    }

    @Test
    void everyDrawKeepsImageAndMaskAligned() {
        ByteImage[] pair = bands(37, 61);
        JointTransform transform = new JointTransform(48);
        Well19937c random = new Well19937c(3);
        int padded = 0;
        for (int draw = 0; draw < 40; draw++) {
            JointTransform.Pair out = transform.apply(pair[0], pair[1], random);
            assertThat(out.image().height()).isEqualTo(48);
            assertThat(out.mask().width()).isEqualTo(48);
            for (int y = 0; y < 48; y++) {
                for (int x = 1; x < 47; x++) {
                    int c = out.mask().get(0, y, x);
                    if (c == SegmentationLoss.IGNORE) {
                        assertThat(out.image().get(0, y, x)).isZero();
                        padded++;
                        continue;
                    }
                    if (out.mask().get(0, y, x - 1) == c && out.mask().get(0, y, x + 1) == c) {
                        // colour 40·c plus the row pattern (0 or 10, blended by vertical scaling)
                        assertThat(out.image().get(0, y, x)).isBetween(40 * c - 1, 40 * c + 11);
                    }
                }
            }
        }
        assertThat(padded).as("scales below 48/37 pad with ignore").isPositive();
    }

    @Test
    void aMaskKeepsOnlyItsOwnValues() {
        ByteImage[] pair = bands(30, 30);
        JointTransform.Pair out = new JointTransform(64).apply(pair[0], pair[1], new Well19937c(1));
        assertThat(out.mask().samples()).containsAnyOf(0, 1, 2).doesNotContain(5, 6, 100, 254);
    }
}
