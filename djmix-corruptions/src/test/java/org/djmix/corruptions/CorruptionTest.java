package org.djmix.corruptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;
import org.djmix.image.ByteImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CorruptionTest {

    /** Deterministic corruptions: no randomness in the reference either. */
    private static final Set<Corruption> DETERMINISTIC =
            EnumSet.of(
                    Corruption.DEFOCUS_BLUR,
                    Corruption.ZOOM_BLUR,
                    Corruption.BRIGHTNESS,
                    Corruption.CONTRAST,
                    Corruption.PIXELATE,
                    Corruption.JPEG_COMPRESSION,
                    Corruption.GAUSSIAN_BLUR,
                    Corruption.SATURATE);

    /** Where the reference's mean change grows with severity. */
    private static final Set<Corruption> MONOTONE =
            EnumSet.of(
                    Corruption.GAUSSIAN_NOISE,
                    Corruption.SHOT_NOISE,
                    Corruption.IMPULSE_NOISE,
                    Corruption.SPECKLE_NOISE,
                    Corruption.DEFOCUS_BLUR,
                    Corruption.ZOOM_BLUR,
                    Corruption.GAUSSIAN_BLUR,
                    Corruption.BRIGHTNESS,
                    Corruption.CONTRAST,
                    Corruption.PIXELATE,
                    Corruption.JPEG_COMPRESSION);

    /**
     * A textured colour image without a dominant period or grid: value noise (random values on
     * grids of spacing 3, 5, 9 and 17 pixels, bilinearly interpolated) summed over the scales, each
     * channel with its own draws.
     */
    static ByteImage textured(int size) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(11);
        double[] sum = new double[3 * size * size];
        for (int spacing : new int[] {3, 5, 9, 17}) {
            int cells = size / spacing + 2;
            for (int c = 0; c < 3; c++) {
                double[] grid = new double[cells * cells];
                for (int i = 0; i < grid.length; i++) {
                    grid[i] = random.nextDouble() * 63;
                }
                for (int y = 0; y < size; y++) {
                    double gy = (double) y / spacing;
                    int y0 = (int) gy;
                    double fy = gy - y0;
                    for (int x = 0; x < size; x++) {
                        double gx = (double) x / spacing;
                        int x0 = (int) gx;
                        double fx = gx - x0;
                        double top =
                                grid[y0 * cells + x0] * (1 - fx) + grid[y0 * cells + x0 + 1] * fx;
                        double bottom =
                                grid[(y0 + 1) * cells + x0] * (1 - fx)
                                        + grid[(y0 + 1) * cells + x0 + 1] * fx;
                        sum[(c * size + y) * size + x] += top * (1 - fy) + bottom * fy;
                    }
                }
            }
        }
        int[] samples = new int[sum.length];
        for (int i = 0; i < sum.length; i++) {
            samples[i] = (int) sum[i];
        }
        return ByteImage.of(3, size, size, samples);
    }

    private static double meanAbsoluteChange(ByteImage a, ByteImage b) {
        byte[] x = a.array();
        byte[] y = b.array();
        long sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += Math.abs((x[i] & 0xFF) - (y[i] & 0xFF));
        }
        return (double) sum / x.length;
    }

    @ParameterizedTest
    @EnumSource(Corruption.class)
    void sameSeedSameBytesAndOtherSeedOtherBytes(Corruption corruption) {
        ByteImage image = textured(32);
        for (int severity = 1; severity <= 5; severity++) {
            ByteImage a = corruption.apply(image, severity, CorruptionProfile.CIFAR, 7);
            ByteImage b = corruption.apply(image, severity, CorruptionProfile.CIFAR, 7);
            assertThat(a.height()).isEqualTo(32);
            assertThat(a.width()).isEqualTo(32);
            assertThat(a.channels()).isEqualTo(3);
            assertThat(a).isEqualTo(b);
        }
        ByteImage seven = corruption.apply(image, 3, CorruptionProfile.CIFAR, 7);
        ByteImage eight = corruption.apply(image, 3, CorruptionProfile.CIFAR, 8);
        if (DETERMINISTIC.contains(corruption)) {
            assertThat(seven).isEqualTo(eight);
        } else {
            assertThat(seven).isNotEqualTo(eight);
        }
    }

    @ParameterizedTest
    @EnumSource(Corruption.class)
    void theChangeGrowsWithSeverityWhereTheReferenceIsMonotone(Corruption corruption) {
        for (CorruptionProfile profile :
                new CorruptionProfile[] {CorruptionProfile.CIFAR, CorruptionProfile.IMAGENET}) {
            int size = profile == CorruptionProfile.CIFAR ? 32 : 224;
            ByteImage image = textured(size);
            double previous = 0;
            for (int severity = 1; severity <= 5; severity++) {
                double change = 0;
                for (long seed = 0; seed < 3; seed++) {
                    change +=
                            meanAbsoluteChange(
                                    image, corruption.apply(image, severity, profile, seed));
                }
                assertThat(change)
                        .as("%s %s severity %d", corruption, profile, severity)
                        .isGreaterThan(0);
                if (MONOTONE.contains(corruption)) {
                    assertThat(change)
                            .as("%s %s severity %d", corruption, profile, severity)
                            .isGreaterThanOrEqualTo(previous);
                }
                previous = change;
            }
        }
    }

    @Test
    void imagesInUnitRangeAreRoundedTo8BitsFirst() {
        ByteImage image = textured(32);
        org.djmix.image.DoubleImage unit = org.djmix.image.DoubleImage.fromBytes(image);
        assertThat(Corruption.SNOW.apply(unit, 2, CorruptionProfile.CIFAR, 4))
                .isEqualTo(Corruption.SNOW.apply(image, 2, CorruptionProfile.CIFAR, 4));
    }

    @Test
    void namesGroupsAndSubsets() {
        assertThat(Corruption.COMMON).hasSize(15);
        assertThat(Corruption.VALIDATION).hasSize(4);
        assertThat(Corruption.SEGMENTATION_DETECTION)
                .hasSize(10)
                .doesNotContain(
                        Corruption.DEFOCUS_BLUR,
                        Corruption.GLASS_BLUR,
                        Corruption.MOTION_BLUR,
                        Corruption.ZOOM_BLUR);
        assertThat(Corruption.ALL).hasSize(19);
        assertThat(Corruption.fromId("elastic_transform")).isEqualTo(Corruption.ELASTIC_TRANSFORM);
        assertThatThrownBy(() -> Corruption.fromId("rain"))
                .hasMessageContaining("unknown corruption 'rain'")
                .hasMessageContaining("gaussian_noise");
        assertThatThrownBy(() -> Corruption.FOG.apply(textured(32), 6, CorruptionProfile.CIFAR, 1))
                .hasMessageContaining("severity must be 1..5, got 6");
    }
}
