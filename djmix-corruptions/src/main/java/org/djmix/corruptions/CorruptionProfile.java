package org.djmix.corruptions;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The parameter sets of the corruptions, per severity 1..5 (Hendrycks and Dietterich 2019, their
 * ImageNet-C and CIFAR-10-C code): {@link #CIFAR} for 32×32 images (CIFAR-10-C), {@link #IMAGENET}
 * for 224×224 (ImageNet-C), and {@link #AUTO} for other sizes — ImageNet's parameters in pixels,
 * with the quantities that only make sense relative to the image adapted: the fog map is the next
 * power of two at least as large as the longest side, pixelate keeps the same fraction of the side,
 * and the frost texture is scaled up when it is smaller than the image. (Those three adapt to the
 * size in every profile; at the profile's own size they give exactly the reference's values.)
 */
public enum CorruptionProfile {
    /** CIFAR-10-C's parameters (32×32). */
    CIFAR,
    /** ImageNet-C's parameters (224×224). */
    IMAGENET,
    /** ImageNet-C's parameters for any size. */
    AUTO;

    private static final Map<Corruption, double[][]> CIFAR_TABLE = new EnumMap<>(Corruption.class);
    private static final Map<Corruption, double[][]> IMAGENET_TABLE =
            new EnumMap<>(Corruption.class);

    static {
        cifar(Corruption.GAUSSIAN_NOISE, row(.04), row(.06), row(.08), row(.09), row(.10));
        cifar(Corruption.SHOT_NOISE, row(500), row(250), row(100), row(75), row(50));
        cifar(Corruption.IMPULSE_NOISE, row(.01), row(.02), row(.03), row(.05), row(.07));
        cifar(
                Corruption.DEFOCUS_BLUR,
                row(.3, .4),
                row(.4, .5),
                row(.5, .6),
                row(1, .2),
                row(1.5, .1));
        cifar(
                Corruption.GLASS_BLUR,
                row(.05, 1, 1),
                row(.25, 1, 1),
                row(.4, 1, 1),
                row(.25, 1, 2),
                row(.4, 1, 2));
        cifar(Corruption.MOTION_BLUR, row(6, 1), row(6, 1.5), row(6, 2), row(8, 2), row(9, 2.5));
        cifar(
                Corruption.ZOOM_BLUR,
                row(1, 1.06, .01),
                row(1, 1.11, .01),
                row(1, 1.16, .01),
                row(1, 1.21, .01),
                row(1, 1.26, .01));
        cifar(
                Corruption.SNOW,
                row(.1, .2, 1, .6, 8, 3, .95),
                row(.1, .2, 1, .5, 10, 4, .9),
                row(.15, .3, 1.75, .55, 10, 4, .9),
                row(.25, .3, 2.25, .6, 12, 6, .85),
                row(.3, .3, 1.25, .65, 14, 12, .8));
        cifar(
                Corruption.FROST,
                row(1, .2, .2),
                row(1, .3, .2),
                row(.9, .4, .2),
                row(.85, .4, .2),
                row(.75, .45, .2));
        cifar(Corruption.FOG, row(.2, 3), row(.5, 3), row(.75, 2.5), row(1, 2), row(1.5, 1.75));
        cifar(Corruption.BRIGHTNESS, row(.05), row(.1), row(.15), row(.2), row(.3));
        cifar(Corruption.CONTRAST, row(.75), row(.5), row(.4), row(.3), row(.15));
        cifar(
                Corruption.ELASTIC_TRANSFORM,
                row(0, 0, 2.56),
                row(1.6, 6.4, 2.24),
                row(2.56, 1.92, 1.92),
                row(3.2, 1.28, 1.6),
                row(3.2, .96, .96));
        cifar(Corruption.PIXELATE, row(.95), row(.9), row(.85), row(.75), row(.65));
        cifar(Corruption.JPEG_COMPRESSION, row(80), row(65), row(58), row(50), row(40));
        cifar(Corruption.SPECKLE_NOISE, row(.06), row(.1), row(.12), row(.16), row(.2));
        cifar(Corruption.GAUSSIAN_BLUR, row(.4), row(.6), row(.7), row(.8), row(1));
        cifar(
                Corruption.SPATTER,
                row(.62, .1, .7, .7, .5, 0),
                row(.65, .1, .8, .7, .5, 0),
                row(.65, .3, 1, .69, .5, 0),
                row(.65, .1, .7, .69, .6, 1),
                row(.65, .1, .5, .68, .6, 1));
        cifar(Corruption.SATURATE, row(.3, 0), row(.1, 0), row(1.5, 0), row(2, .1), row(2.5, .2));

        imagenet(Corruption.GAUSSIAN_NOISE, row(.08), row(.12), row(.18), row(.26), row(.38));
        imagenet(Corruption.SHOT_NOISE, row(60), row(25), row(12), row(5), row(3));
        imagenet(Corruption.IMPULSE_NOISE, row(.03), row(.06), row(.09), row(.17), row(.27));
        imagenet(
                Corruption.DEFOCUS_BLUR,
                row(3, .1),
                row(4, .5),
                row(6, .5),
                row(8, .5),
                row(10, .5));
        imagenet(
                Corruption.GLASS_BLUR,
                row(.7, 1, 2),
                row(.9, 2, 1),
                row(1, 2, 3),
                row(1.1, 3, 2),
                row(1.5, 4, 2));
        imagenet(
                Corruption.MOTION_BLUR,
                row(10, 3),
                row(15, 5),
                row(15, 8),
                row(15, 12),
                row(20, 15));
        imagenet(
                Corruption.ZOOM_BLUR,
                row(1, 1.11, .01),
                row(1, 1.16, .01),
                row(1, 1.21, .02),
                row(1, 1.26, .02),
                row(1, 1.31, .03));
        imagenet(
                Corruption.SNOW,
                row(.1, .3, 3, .5, 10, 4, .8),
                row(.2, .3, 2, .5, 12, 4, .7),
                row(.55, .3, 4, .9, 12, 8, .7),
                row(.55, .3, 4.5, .85, 12, 8, .65),
                row(.55, .3, 2.5, .85, 12, 12, .55));
        imagenet(
                Corruption.FROST,
                row(1, .4, 1),
                row(.8, .6, 1),
                row(.7, .7, 1),
                row(.65, .7, 1),
                row(.6, .75, 1));
        imagenet(Corruption.FOG, row(1.5, 2), row(2, 2), row(2.5, 1.7), row(2.5, 1.5), row(3, 1.4));
        imagenet(Corruption.BRIGHTNESS, row(.1), row(.2), row(.3), row(.4), row(.5));
        imagenet(Corruption.CONTRAST, row(.4), row(.3), row(.2), row(.1), row(.05));
        imagenet(
                Corruption.ELASTIC_TRANSFORM,
                row(488, 170.8, 24.4),
                row(488, 19.52, 48.8),
                row(12.2, 2.44, 4.88),
                row(17.08, 2.44, 4.88),
                row(29.28, 2.44, 4.88));
        imagenet(Corruption.PIXELATE, row(.6), row(.5), row(.4), row(.3), row(.25));
        imagenet(Corruption.JPEG_COMPRESSION, row(25), row(18), row(15), row(10), row(7));
        imagenet(Corruption.SPECKLE_NOISE, row(.15), row(.2), row(.35), row(.45), row(.6));
        imagenet(Corruption.GAUSSIAN_BLUR, row(1), row(2), row(3), row(4), row(6));
        imagenet(
                Corruption.SPATTER,
                row(.65, .3, 4, .69, .6, 0),
                row(.65, .3, 3, .68, .6, 0),
                row(.65, .3, 2, .68, .5, 0),
                row(.65, .3, 1, .65, 1.5, 1),
                row(.67, .4, 1, .65, 1.5, 1));
        imagenet(Corruption.SATURATE, row(.3, 0), row(.1, 0), row(2, 0), row(5, .1), row(20, .2));
    }

    private static double[] row(double... values) {
        return values;
    }

    private static void cifar(Corruption corruption, double[]... severities) {
        CIFAR_TABLE.put(corruption, severities);
    }

    private static void imagenet(Corruption corruption, double[]... severities) {
        IMAGENET_TABLE.put(corruption, severities);
    }

    /**
     * Returns a corruption's parameters at a severity.
     *
     * @param corruption the corruption
     * @param severity 1..5
     * @return the parameters, in the order of that code's parameter tables (a copy)
     */
    public double[] parameters(Corruption corruption, int severity) {
        Corruption.checkSeverity(severity);
        Map<Corruption, double[][]> table = this == CIFAR ? CIFAR_TABLE : IMAGENET_TABLE;
        return table.get(corruption)[severity - 1].clone();
    }

    /**
     * Returns the parameters that suit an image size: {@link #CIFAR} for 32×32 (CIFAR-10-C), {@link
     * #IMAGENET} for 224×224 (ImageNet-C), {@link #AUTO} otherwise.
     *
     * @param width the images' width
     * @param height the images' height
     * @return the profile
     */
    public static CorruptionProfile forImageSize(int width, int height) {
        if (width == 32 && height == 32) {
            return CIFAR;
        }
        if (width == 224 && height == 224) {
            return IMAGENET;
        }
        return AUTO;
    }

    /**
     * Returns the profile named on a command line.
     *
     * @param name {@code cifar}, {@code imagenet} or {@code auto}
     * @return the profile
     */
    public static CorruptionProfile fromName(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "unknown corruption profile '" + name + "'; expected cifar, imagenet or auto",
                    e);
        }
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
