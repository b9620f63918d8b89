package org.djmix.image;

/**
 * RGB ↔ HSV for double RGB images in [0, 1], with scikit-image's formulas ({@code rgb2hsv}, {@code
 * hsv2rgb}): \(V = \max\), \(S = (\max - \min)/V\) (0 where \(\max = \min\)), H in [0, 1) from the
 * sector of the largest channel (blue wins ties over green, green over red); back through \(p =
 * V(1-S)\), \(q = V(1-fS)\), \(t = V(1-(1-f)S)\) with \(h_i = \lfloor 6H\rfloor \bmod 6\).
 */
public final class HsvColor {

    private HsvColor() {}

    /**
     * Converts RGB to HSV.
     *
     * @param rgb a 3-channel image in [0, 1]
     * @return a new 3-channel image holding H, S, V in [0, 1]
     */
    public static DoubleImage rgbToHsv(DoubleImage rgb) {
        checkRgb(rgb);
        int plane = rgb.height() * rgb.width();
        double[] in = rgb.array();
        DoubleImage result = rgb.blank();
        double[] out = result.array();
        for (int i = 0; i < plane; i++) {
            double r = in[i];
            double g = in[plane + i];
            double b = in[2 * plane + i];
            double max = Math.max(r, Math.max(g, b));
            double delta = max - Math.min(r, Math.min(g, b));
            double h = 0;
            double s = 0;
            if (delta != 0) {
                s = delta / max;
                double sector;
                if (b == max) {
                    sector = 4 + (r - g) / delta;
                } else if (g == max) {
                    sector = 2 + (b - r) / delta;
                } else {
                    sector = (g - b) / delta;
                }
                h = pythonMod(sector / 6, 1);
            }
            out[i] = h;
            out[plane + i] = Double.isNaN(s) ? 0 : s;
            out[2 * plane + i] = max;
        }
        return result;
    }

    /**
     * Converts HSV to RGB.
     *
     * @param hsv a 3-channel image holding H, S, V in [0, 1]
     * @return a new RGB image
     */
    public static DoubleImage hsvToRgb(DoubleImage hsv) {
        checkRgb(hsv);
        int plane = hsv.height() * hsv.width();
        double[] in = hsv.array();
        DoubleImage result = hsv.blank();
        double[] out = result.array();
        for (int i = 0; i < plane; i++) {
            double h = in[i];
            double s = in[plane + i];
            double v = in[2 * plane + i];
            double hi = Math.floor(h * 6);
            double f = h * 6 - hi;
            double p = v * (1 - s);
            double q = v * (1 - f * s);
            double t = v * (1 - (1 - f) * s);
            double r;
            double g;
            double b;
            switch (((int) hi & 0xFF) % 6) {
                case 0 -> {
                    r = v;
                    g = t;
                    b = p;
                }
                case 1 -> {
                    r = q;
                    g = v;
                    b = p;
                }
                case 2 -> {
                    r = p;
                    g = v;
                    b = t;
                }
                case 3 -> {
                    r = p;
                    g = q;
                    b = v;
                }
                case 4 -> {
                    r = t;
                    g = p;
                    b = v;
                }
                default -> {
                    r = v;
                    g = p;
                    b = q;
                }
            }
            out[i] = r;
            out[plane + i] = g;
            out[2 * plane + i] = b;
        }
        return result;
    }

    /** Python's {@code %}: the result has the divisor's sign. */
    private static double pythonMod(double a, double m) {
        double r = a % m;
        return r < 0 ? r + m : r;
    }

    private static void checkRgb(DoubleImage image) {
        if (image.channels() != 3) {
            throw new IllegalArgumentException(
                    "HSV conversion needs 3 channels, got " + image.channels());
        }
    }
}
