package org.djmix.image;

/**
 * PIL's {@code ImageEnhance}: each enhancer blends the image with a "degenerate" version of itself,
 * \(v' = d + \alpha (v - d)\) computed in single precision and truncated ({@code Image.blend}),
 * clipped to [0, 255] when \(\alpha\) lies outside [0, 1]. A factor of 1 returns the image.
 */
public final class Enhance {

    private static final float SMOOTH_CENTRE = 5f / 13f;
    private static final float SMOOTH_EDGE = 1f / 13f;

    private Enhance() {}

    /**
     * Adjusts colour saturation ({@code ImageEnhance.Color}); the degenerate image is the grey
     * version (grey images are returned unchanged).
     *
     * @param image the image
     * @param factor 0 gives grey, 1 the original
     * @return a new image
     */
    public static ByteImage color(ByteImage image, float factor) {
        return blend(grey(image), image, factor);
    }

    /**
     * Adjusts contrast ({@code ImageEnhance.Contrast}); the degenerate image is flat at the rounded
     * mean of the grey version.
     *
     * @param image the image
     * @param factor 0 gives a flat grey image, 1 the original
     * @return a new image
     */
    public static ByteImage contrast(ByteImage image, float factor) {
        ByteImage grey = grey(image);
        long sum = 0;
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                sum += grey.get(0, y, x);
            }
        }
        int mean = (int) ((double) sum / (image.height() * image.width()) + 0.5);
        ByteImage flat = image.blank();
        fill(flat, mean);
        return blend(flat, image, factor);
    }

    /**
     * Adjusts brightness ({@code ImageEnhance.Brightness}); the degenerate image is black.
     *
     * @param image the image
     * @param factor 0 gives black, 1 the original
     * @return a new image
     */
    public static ByteImage brightness(ByteImage image, float factor) {
        return blend(image.blank(), image, factor);
    }

    /**
     * Adjusts sharpness ({@code ImageEnhance.Sharpness}); the degenerate image is PIL's {@code
     * SMOOTH} filter (3×3 kernel \([1,1,1;1,5,1;1,1,1]/13\), border pixels kept).
     *
     * @param image the image
     * @param factor 0 gives the smoothed image, 1 the original, 2 a sharpened one
     * @return a new image
     */
    public static ByteImage sharpness(ByteImage image, float factor) {
        return blend(smooth(image), image, factor);
    }

    /**
     * Converts to PIL's 8-bit luma, \(L = (19595 R + 38470 G + 7471 B + 2^{15}) \gg 16\), returned
     * as an image with the input's channel count (the grey value in every channel).
     *
     * @param image the image
     * @return a new image
     */
    public static ByteImage grey(ByteImage image) {
        if (image.channels() == 1) {
            return image.copy();
        }
        ByteImage out = image.blank();
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                int luma =
                        (image.get(0, y, x) * 19595
                                        + image.get(1, y, x) * 38470
                                        + image.get(2, y, x) * 7471
                                        + 0x8000)
                                >> 16;
                for (int c = 0; c < 3; c++) {
                    out.set(c, y, x, luma);
                }
            }
        }
        return out;
    }

    /**
     * Blends two images as PIL's {@code Image.blend(degenerate, image, factor)}.
     *
     * @param degenerate the image at factor 0
     * @param image the image at factor 1
     * @param factor the blend factor
     * @return a new image
     */
    static ByteImage blend(ByteImage degenerate, ByteImage image, float factor) {
        if (factor == 0f) {
            return degenerate.copy();
        }
        if (factor == 1f) {
            return image.copy();
        }
        boolean interpolates = factor >= 0f && factor <= 1f;
        ByteImage out = image.blank();
        for (int c = 0; c < image.channels(); c++) {
            for (int y = 0; y < image.height(); y++) {
                for (int x = 0; x < image.width(); x++) {
                    int from = degenerate.get(c, y, x);
                    float v = from + factor * (image.get(c, y, x) - from);
                    int value;
                    if (interpolates) {
                        value = (int) v;
                    } else {
                        value = v <= 0f ? 0 : v >= 255f ? 255 : (int) v;
                    }
                    out.set(c, y, x, value);
                }
            }
        }
        return out;
    }

    private static ByteImage smooth(ByteImage image) {
        ByteImage out = image.copy();
        int height = image.height();
        int width = image.width();
        for (int c = 0; c < image.channels(); c++) {
            for (int y = 1; y < height - 1; y++) {
                for (int x = 1; x < width - 1; x++) {
                    float sum = 0.5f;
                    sum += row(image, c, y + 1, x, SMOOTH_EDGE);
                    sum += row(image, c, y, x, SMOOTH_CENTRE);
                    sum += row(image, c, y - 1, x, SMOOTH_EDGE);
                    out.set(c, y, x, sum <= 0f ? 0 : sum >= 255f ? 255 : (int) sum);
                }
            }
        }
        return out;
    }

    /** One kernel row as PIL sums it: left·k0 + centre·k1 + right·k2, in float. */
    private static float row(ByteImage image, int c, int y, int x, float centreWeight) {
        return (float) image.get(c, y, x - 1) * SMOOTH_EDGE
                + (float) image.get(c, y, x) * centreWeight
                + (float) image.get(c, y, x + 1) * SMOOTH_EDGE;
    }

    private static void fill(ByteImage image, int value) {
        for (int c = 0; c < image.channels(); c++) {
            for (int y = 0; y < image.height(); y++) {
                for (int x = 0; x < image.width(); x++) {
                    image.set(c, y, x, value);
                }
            }
        }
    }
}
