package org.djmix.image;

/**
 * Samples an image at arbitrary positions with SciPy's semantics ({@code
 * scipy.ndimage.map_coordinates(order=1, mode='reflect')}): bilinear interpolation, positions
 * outside the image mirrored about its outer edges (half-sample symmetric).
 */
public final class BilinearRemap {

    private BilinearRemap() {}

    /**
     * Reads every channel at per-pixel positions.
     *
     * @param image the source
     * @param rows the source row of each destination pixel, h·w values row-major
     * @param columns the source column of each destination pixel, h·w values
     * @return a new image of the same size
     */
    public static DoubleImage remap(DoubleImage image, double[] rows, double[] columns) {
        int h = image.height();
        int w = image.width();
        if (rows.length != h * w || columns.length != h * w) {
            throw new IllegalArgumentException(
                    "rows and columns must hold h*w = " + h * w + " positions");
        }
        double[] in = image.array();
        DoubleImage result = image.blank();
        double[] out = result.array();
        for (int p = 0; p < h * w; p++) {
            double sy = fold(rows[p], h);
            double sx = fold(columns[p], w);
            int y0 = (int) Math.floor(sy);
            int x0 = (int) Math.floor(sx);
            double fy = sy - y0;
            double fx = sx - x0;
            int top = BorderMode.REFLECT.index(y0, h);
            int bottom = BorderMode.REFLECT.index(y0 + 1, h);
            int left = BorderMode.REFLECT.index(x0, w);
            int right = BorderMode.REFLECT.index(x0 + 1, w);
            for (int c = 0; c < image.channels(); c++) {
                int plane = c * h * w;
                double upper =
                        in[plane + top * w + left] * (1 - fx) + in[plane + top * w + right] * fx;
                double lower =
                        in[plane + bottom * w + left] * (1 - fx)
                                + in[plane + bottom * w + right] * fx;
                out[plane + p] = upper * (1 - fy) + lower * fy;
            }
        }
        return result;
    }

    /** Mirrors a position into [-0.5, n - 0.5] about the outer edges. */
    private static double fold(double position, int n) {
        double period = 2.0 * n;
        double p = (position + 0.5) % period;
        if (p < 0) {
            p += period;
        }
        if (p > n) {
            p = period - p;
        }
        return p - 0.5;
    }
}
