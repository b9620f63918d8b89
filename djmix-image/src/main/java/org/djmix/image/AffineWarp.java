package org.djmix.image;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Affine resampling with PIL's {@code Image.transform(size, AFFINE, data, BILINEAR)} semantics:
 * every output pixel centre \((x+\tfrac12, y+\tfrac12)\) is mapped to the input point \((a x' + b
 * y' + c,\ d x' + e y' + f)\), sampled bilinearly (edge samples clamped, result truncated to an
 * integer); points outside the input are black.
 */
public final class AffineWarp {

    private AffineWarp() {}

    /**
     * Resamples an image through an inverse affine map (output → input coordinates).
     *
     * @param image the input
     * @param a the x coefficient of x
     * @param b the x coefficient of y
     * @param c the x offset
     * @param d the y coefficient of x
     * @param e the y coefficient of y
     * @param f the y offset
     * @return a new image of the same size
     */
    public static ByteImage apply(
            ByteImage image, double a, double b, double c, double d, double e, double f) {
        int width = image.width();
        int height = image.height();
        ByteImage out = image.blank();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double xc = x + 0.5;
                double yc = y + 0.5;
                double xin = a * xc + b * yc + c;
                double yin = d * xc + e * yc + f;
                if (xin < 0.0 || xin >= width || yin < 0.0 || yin >= height) {
                    continue;
                }
                xin -= 0.5;
                yin -= 0.5;
                int x0 = (int) Math.floor(xin);
                int y0 = (int) Math.floor(yin);
                double dx = xin - x0;
                double dy = yin - y0;
                int xa = clamp(x0, width);
                int xb = clamp(x0 + 1, width);
                int ya = clamp(y0, height);
                boolean hasNextRow = y0 + 1 >= 0 && y0 + 1 < height;
                for (int ch = 0; ch < image.channels(); ch++) {
                    double top = lerp(image.get(ch, ya, xa), image.get(ch, ya, xb), dx);
                    double bottom =
                            hasNextRow
                                    ? lerp(image.get(ch, y0 + 1, xa), image.get(ch, y0 + 1, xb), dx)
                                    : top;
                    out.set(ch, y, x, (int) lerp(top, bottom, dy));
                }
            }
        }
        return out;
    }

    /**
     * Rotates counter-clockwise about the image centre, keeping the size ({@code
     * Image.rotate(degrees, BILINEAR)}), with PIL's matrix (entries rounded to 15 decimals).
     *
     * @param image the input
     * @param degrees the angle, counter-clockwise
     * @return a new image
     */
    public static ByteImage rotate(ByteImage image, double degrees) {
        double angle = -Math.toRadians(((degrees % 360.0) + 360.0) % 360.0);
        double a = round15(StrictMath.cos(angle));
        double b = round15(StrictMath.sin(angle));
        double d = round15(-StrictMath.sin(angle));
        double e = round15(StrictMath.cos(angle));
        double cx = image.width() / 2.0;
        double cy = image.height() / 2.0;
        double c = a * -cx + b * -cy + cx;
        double f = d * -cx + e * -cy + cy;
        return apply(image, a, b, c, d, e, f);
    }

    private static double round15(double v) {
        return new BigDecimal(v).setScale(15, RoundingMode.HALF_EVEN).doubleValue();
    }

    private static double lerp(double from, double to, double t) {
        return from + (to - from) * t;
    }

    private static int clamp(int i, int size) {
        return i < 0 ? 0 : i < size ? i : size - 1;
    }
}
