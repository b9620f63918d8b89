package org.djmix.augment;

import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;
import org.djmix.image.AffineWarp;
import org.djmix.image.ByteImage;
import org.djmix.image.Enhance;
import org.djmix.image.PointOps;

/**
 * The 13 operations of AugMix (Hendrycks et al. 2020), with the reference's level mapping: a level
 * \(l \sim U(0.1, s)\) for severity \(s\), \(\mathrm{int}(l, m) = \lfloor l m / 10 \rfloor\) and
 * \(\mathrm{float}(l, m) = l m / 10\), a random sign for the geometric ones.
 */
public enum AugMixOp {
    /** Stretches each channel to [0, 255]. */
    AUTOCONTRAST(false) {
        @Override
        public ByteImage apply(ByteImage image, double level, boolean negate) {
            return PointOps.autocontrast(image);
        }
    },
    /** Equalises each channel's histogram. */
    EQUALIZE(false) {
        @Override
        public ByteImage apply(ByteImage image, double level, boolean negate) {
            return PointOps.equalize(image);
        }
    },
    /** Keeps \(4 - \mathrm{int}(l, 4)\) bits. */
    POSTERIZE(false) {
        @Override
        public ByteImage apply(ByteImage image, double level, boolean negate) {
            return PointOps.posterize(image, 4 - intParameter(level, 4));
        }
    },
    /** Rotates by \(\pm\mathrm{int}(l, 30)\) degrees about the centre. */
    ROTATE(true) {
        @Override
        public ByteImage apply(ByteImage image, double level, boolean negate) {
            int degrees = intParameter(level, 30);
            return AffineWarp.rotate(image, negate ? -degrees : degrees);
        }
    },
    /** Inverts samples at or above \(256 - \mathrm{int}(l, 256)\). */
    SOLARIZE(false) {
        @Override
        public ByteImage apply(ByteImage image, double level, boolean negate) {
            return PointOps.solarize(image, 256 - intParameter(level, 256));
        }
    },
    /** Shears horizontally by \(\pm\mathrm{float}(l, 0.3)\). */
    SHEAR_X(true) {
        @Override
        public ByteImage apply(ByteImage image, double level, boolean negate) {
            double shear = signed(floatParameter(level, 0.3), negate);
            return AffineWarp.apply(image, 1, shear, 0, 0, 1, 0);
        }
    },
    /** Shears vertically by \(\pm\mathrm{float}(l, 0.3)\). */
    SHEAR_Y(true) {
        @Override
        public ByteImage apply(ByteImage image, double level, boolean negate) {
            double shear = signed(floatParameter(level, 0.3), negate);
            return AffineWarp.apply(image, 1, 0, 0, shear, 1, 0);
        }
    },
    /** Translates horizontally by \(\pm\mathrm{int}(l, W/3)\) pixels. */
    TRANSLATE_X(true) {
        @Override
        public ByteImage apply(ByteImage image, double level, boolean negate) {
            double shift = signed(intParameter(level, image.width() / 3.0), negate);
            return AffineWarp.apply(image, 1, 0, shift, 0, 1, 0);
        }
    },
    /** Translates vertically by \(\pm\mathrm{int}(l, H/3)\) pixels. */
    TRANSLATE_Y(true) {
        @Override
        public ByteImage apply(ByteImage image, double level, boolean negate) {
            double shift = signed(intParameter(level, image.height() / 3.0), negate);
            return AffineWarp.apply(image, 1, 0, 0, 0, 1, shift);
        }
    },
    /** Colour saturation with factor \(\mathrm{float}(l, 1.8) + 0.1\). */
    COLOR(false) {
        @Override
        public ByteImage apply(ByteImage image, double level, boolean negate) {
            return Enhance.color(image, enhanceFactor(level));
        }
    },
    /** Contrast with factor \(\mathrm{float}(l, 1.8) + 0.1\). */
    CONTRAST(false) {
        @Override
        public ByteImage apply(ByteImage image, double level, boolean negate) {
            return Enhance.contrast(image, enhanceFactor(level));
        }
    },
    /** Brightness with factor \(\mathrm{float}(l, 1.8) + 0.1\). */
    BRIGHTNESS(false) {
        @Override
        public ByteImage apply(ByteImage image, double level, boolean negate) {
            return Enhance.brightness(image, enhanceFactor(level));
        }
    },
    /** Sharpness with factor \(\mathrm{float}(l, 1.8) + 0.1\). */
    SHARPNESS(false) {
        @Override
        public ByteImage apply(ByteImage image, double level, boolean negate) {
            return Enhance.sharpness(image, enhanceFactor(level));
        }
    };

    /** AugMix's default list (the reference's {@code augmentations}), in the reference's order. */
    public static final List<AugMixOp> DEFAULT =
            List.of(
                    AUTOCONTRAST,
                    EQUALIZE,
                    POSTERIZE,
                    ROTATE,
                    SOLARIZE,
                    SHEAR_X,
                    SHEAR_Y,
                    TRANSLATE_X,
                    TRANSLATE_Y);

    /**
     * All 13 ops ({@code augmentations_all}); colour, contrast, brightness and sharpness overlap
     * ImageNet-C's corruptions, which is why they are off by default.
     */
    public static final List<AugMixOp> ALL = List.of(values());

    /** The default list without geometric ops ("AugMix w/o GT"; what seg/det can use). */
    public static final List<AugMixOp> DEFAULT_WITHOUT_GEOMETRY = withoutGeometry(DEFAULT);

    private final boolean geometric;

    AugMixOp(boolean geometric) {
        this.geometric = geometric;
    }

    /**
     * Applies the op at a given level.
     *
     * @param image the input, left unchanged
     * @param level the level in [0, 10] (the reference draws it from \(U(0.1, s)\))
     * @param negate whether the geometric ops go the other way (ignored by the others)
     * @return a new image
     */
    public abstract ByteImage apply(ByteImage image, double level, boolean negate);

    /**
     * Applies the op with a level drawn as the reference does: \(l \sim U(0.1, s)\), then for the
     * signed ops a sign with probability ½.
     *
     * @param image the input, left unchanged
     * @param severity the severity \(s\) (AugMix: 3 on CIFAR, 1 on ImageNet)
     * @param random the random source
     * @return a new image
     */
    public ByteImage apply(ByteImage image, double severity, RandomGenerator random) {
        if (this == AUTOCONTRAST || this == EQUALIZE) {
            return apply(image, 0, false);
        }
        double level = 0.1 + (severity - 0.1) * random.nextDouble();
        boolean negate = geometric && random.nextDouble() > 0.5;
        return apply(image, level, negate);
    }

    /**
     * Whether the op moves pixels (rotate, shear, translate), which would invalidate masks and
     * boxes.
     *
     * @return true for the geometric ops
     */
    public boolean isGeometric() {
        return geometric;
    }

    /**
     * Returns the ops of a list that do not move pixels, in the same order.
     *
     * @param ops the ops
     * @return the non-geometric ones
     */
    public static List<AugMixOp> withoutGeometry(List<AugMixOp> ops) {
        return ops.stream().filter(op -> !op.isGeometric()).toList();
    }

    static int intParameter(double level, double max) {
        return (int) (level * max / 10);
    }

    static double floatParameter(double level, double max) {
        return level * max / 10;
    }

    private static float enhanceFactor(double level) {
        return (float) (floatParameter(level, 1.8) + 0.1);
    }

    private static double signed(double value, boolean negate) {
        return negate ? -value : value;
    }
}
