package org.djmix.augment;

import static org.assertj.core.api.Assertions.assertThat;

import org.djmix.image.AffineWarp;
import org.djmix.image.ByteImage;
import org.junit.jupiter.api.Test;

/**
 * Each AugMix op on a tiny image against values worked out by hand from PIL's definitions (the
 * comments give the arithmetic), and each op's level mapping.
 */
class AugMixOpTest {

    private static ByteImage grey(int height, int width, int... samples) {
        return ByteImage.of(1, height, width, samples);
    }

    @Test
    void autocontrastStretchesTheRangeToFullScale() {
        // lo = 10, hi = 40: scale = 255/30 = 8.5, offset = -85; v -> int(8.5 v - 85)
        ByteImage out = AugMixOp.AUTOCONTRAST.apply(grey(2, 2, 10, 20, 30, 40), 0, false);
        assertThat(out.samples()).containsExactly(0, 85, 170, 255);
        ByteImage flat = grey(1, 2, 7, 7);
        assertThat(AugMixOp.AUTOCONTRAST.apply(flat, 0, false).samples()).containsExactly(7, 7);
    }

    @Test
    void autocontrastWorksPerChannel() {
        ByteImage rgb = ByteImage.of(3, 1, 2, 0, 10, 100, 110, 5, 5);
        // R: lo 0, hi 10 -> (0, 255); G: lo 100, hi 110 -> (0, 255); B flat -> unchanged
        assertThat(AugMixOp.AUTOCONTRAST.apply(rgb, 0, false).samples())
                .containsExactly(0, 255, 0, 255, 5, 5);
    }

    @Test
    void equalizeSpreadsTheCumulativeHistogram() {
        // 32x32: 512 zeros, 256 x 100, 256 x 200; step = (1024 - 256) // 255 = 3, n0 = 1:
        // lut[0] = 1//3 = 0, lut[100] = (1+512)//3 = 171, lut[200] = (1+512+256)//3 = 256 -> 255
        int[] samples = new int[1024];
        for (int i = 512; i < 768; i++) {
            samples[i] = 100;
        }
        for (int i = 768; i < 1024; i++) {
            samples[i] = 200;
        }
        int[] out = AugMixOp.EQUALIZE.apply(grey(32, 32, samples), 0, false).samples();
        assertThat(out[0]).isZero();
        assertThat(out[600]).isEqualTo(171);
        assertThat(out[900]).isEqualTo(255);
        // step 0 (too few pixels) leaves the image unchanged
        assertThat(AugMixOp.EQUALIZE.apply(grey(1, 3, 0, 1, 2), 0, false).samples())
                .containsExactly(0, 1, 2);
    }

    @Test
    void posterizeKeepsFourMinusIntLevelBits() {
        // level 2.6: int(2.6*4/10) = 1 -> 3 bits, mask 0b11100000
        ByteImage out = AugMixOp.POSTERIZE.apply(grey(1, 3, 200, 31, 255), 2.6, false);
        assertThat(out.samples()).containsExactly(192, 0, 224);
        // level 2.4: int(0.96) = 0 -> 4 bits, mask 0b11110000
        assertThat(AugMixOp.POSTERIZE.apply(grey(1, 2, 200, 31), 2.4, false).samples())
                .containsExactly(192, 16);
    }

    @Test
    void solarizeInvertsAtOrAboveTheThreshold() {
        // level 5: int(5*256/10) = 128 -> threshold 128
        ByteImage out = AugMixOp.SOLARIZE.apply(grey(1, 4, 100, 127, 128, 200), 5, false);
        assertThat(out.samples()).containsExactly(100, 127, 127, 55);
    }

    @Test
    void rotateByNinetyDegreesIsACounterClockwisePermutation() {
        ByteImage image = grey(3, 3, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(AffineWarp.rotate(image, 90).samples())
                .containsExactly(3, 6, 9, 2, 5, 8, 1, 4, 7);
        assertThat(AffineWarp.rotate(image, -90).samples())
                .containsExactly(7, 4, 1, 8, 5, 2, 9, 6, 3);
    }

    @Test
    void rotateOpTurnsIntLevelTimesThirtyOverTenDegrees() {
        ByteImage image =
                grey(4, 4, 0, 50, 100, 150, 10, 60, 110, 160, 20, 70, 120, 170, 30, 80, 130, 180);
        // level 10 -> 30 degrees; negate -> -30 degrees
        assertThat(AugMixOp.ROTATE.apply(image, 10, false)).isEqualTo(AffineWarp.rotate(image, 30));
        assertThat(AugMixOp.ROTATE.apply(image, 10, true)).isEqualTo(AffineWarp.rotate(image, -30));
        // level 0.2 -> int(0.6) = 0 degrees: PIL's bilinear identity
        assertThat(AugMixOp.ROTATE.apply(image, 0.2, false)).isEqualTo(image);
    }

    @Test
    void rotatedCornersOutsideTheInputAreBlack() {
        // 45 degrees about (2, 2): output centre (0.5, 0.5) maps to y = 0.707 - 0.828 < 0
        // (outside: black); (1.5, 1.5) maps to about (2, 1.29), inside a flat image: 255
        int[] white = new int[16];
        java.util.Arrays.fill(white, 255);
        ByteImage out = AffineWarp.rotate(grey(4, 4, white), 45);
        assertThat(out.get(0, 0, 0)).isZero();
        assertThat(out.get(0, 3, 3)).isZero();
        assertThat(out.get(0, 1, 1)).isEqualTo(255);
    }

    @Test
    void shearXSamplesBetweenNeighbours() {
        // level 10 -> shear 0.3: xin = (x+0.5) + 0.3*0.5 = x + 0.65, dx = 0.15 in exact
        // arithmetic; PIL's doubles give dx = 0.15000000000000002 at x = 0 and
        // 0.1499999999999999 at x = 1, so after truncation [15, 114, 200 (edge clamped)]
        ByteImage out = AugMixOp.SHEAR_X.apply(grey(1, 3, 0, 100, 200), 10, false);
        assertThat(out.samples()).containsExactly(15, 114, 200);
    }

    @Test
    void shearYSamplesBetweenRows() {
        // a column image, the same arithmetic on the y axis
        ByteImage out = AugMixOp.SHEAR_Y.apply(grey(3, 1, 0, 100, 200), 10, false);
        assertThat(out.samples()).containsExactly(15, 114, 200);
    }

    @Test
    void translateShiftsByIntLevelTimesAThirdOfTheSizeOverTen() {
        // width 3: level 10 -> int(10 * 1.0 / 10) = 1 pixel; uncovered pixels are black
        assertThat(AugMixOp.TRANSLATE_X.apply(grey(1, 3, 1, 2, 3), 10, false).samples())
                .containsExactly(2, 3, 0);
        assertThat(AugMixOp.TRANSLATE_X.apply(grey(1, 3, 1, 2, 3), 10, true).samples())
                .containsExactly(0, 1, 2);
        assertThat(AugMixOp.TRANSLATE_Y.apply(grey(3, 1, 1, 2, 3), 10, false).samples())
                .containsExactly(2, 3, 0);
    }

    @Test
    void colorBlendsWithTheLumaImage() {
        // level 0 -> factor 0.1. L(255, 0, 0) = (255*19595 + 32768) >> 16 = 76
        // R: int(76 + 0.1*179) = 93; G, B: int(76 - 7.6) = 68
        ByteImage red = ByteImage.of(3, 1, 1, 255, 0, 0);
        assertThat(AugMixOp.COLOR.apply(red, 0, false).samples()).containsExactly(93, 68, 68);
    }

    @Test
    void contrastBlendsWithTheRoundedMeanGrey() {
        // mean 50 -> int(50 + 0.5) = 50; factor 0.1: int(50 - 5) = 45, int(50 + 5) = 55
        assertThat(AugMixOp.CONTRAST.apply(grey(1, 2, 0, 100), 0, false).samples())
                .containsExactly(45, 55);
    }

    @Test
    void brightnessExtrapolatesAndClips() {
        // level 10 -> factor 1.9: 190, 380 -> 255
        assertThat(AugMixOp.BRIGHTNESS.apply(grey(1, 2, 100, 200), 10, false).samples())
                .containsExactly(190, 255);
    }

    @Test
    void sharpnessBlendsWithTheSmoothFilterKeepingBorders() {
        // SMOOTH at the centre: int(0.5 + 130*5/13) = 50; factor 1.9: 50 + 1.9*80 = 202
        ByteImage spike = grey(3, 3, 0, 0, 0, 0, 130, 0, 0, 0, 0);
        assertThat(AugMixOp.SHARPNESS.apply(spike, 10, false).samples())
                .containsExactly(0, 0, 0, 0, 202, 0, 0, 0, 0);
    }

    @Test
    void opListsFollowTheReference() {
        assertThat(AugMixOp.DEFAULT).hasSize(9);
        assertThat(AugMixOp.ALL).hasSize(13);
        assertThat(AugMixOp.DEFAULT_WITHOUT_GEOMETRY)
                .containsExactly(
                        AugMixOp.AUTOCONTRAST,
                        AugMixOp.EQUALIZE,
                        AugMixOp.POSTERIZE,
                        AugMixOp.SOLARIZE);
    }
}
