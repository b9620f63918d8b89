package org.djmix.image;

/**
 * Bilinear zoom with SciPy's semantics ({@code scipy.ndimage.zoom(order=1)}): the output has
 * \(\mathrm{round}(n z)\) samples per axis (half to even, as Python rounds) and output sample \(o\)
 * reads the input at \(o\,(n-1)/(n_{out}-1)\) (corners aligned). {@link #centreZoom} is the
 * corruptions' "clipped zoom": enlarge the centre and crop back to the original size.
 */
public final class Zoom {

    private Zoom() {}

    /**
     * Zooms every channel by the same factor on both axes.
     *
     * @param image the image
     * @param factor the zoom factor, &gt; 0
     * @return a new image of \(\mathrm{round}(hz) \times \mathrm{round}(wz)\)
     */
    public static DoubleImage zoom(DoubleImage image, double factor) {
        if (!(factor > 0)) {
            throw new IllegalArgumentException("factor must be > 0, got " + factor);
        }
        int h = image.height();
        int w = image.width();
        int outH = (int) Math.rint(h * factor);
        int outW = (int) Math.rint(w * factor);
        double[] in = image.array();
        DoubleImage result = DoubleImage.zeros(image.channels(), outH, outW);
        double[] out = result.array();
        double scaleY = outH > 1 ? (double) (h - 1) / (outH - 1) : 0;
        double scaleX = outW > 1 ? (double) (w - 1) / (outW - 1) : 0;
        int[] x0 = new int[outW];
        double[] fx = new double[outW];
        for (int x = 0; x < outW; x++) {
            double sx = Math.min(x * scaleX, w - 1);
            x0[x] = Math.min((int) sx, Math.max(0, w - 2));
            fx[x] = sx - x0[x];
        }
        for (int c = 0; c < image.channels(); c++) {
            for (int y = 0; y < outH; y++) {
                double sy = Math.min(y * scaleY, h - 1);
                int y0 = Math.min((int) sy, Math.max(0, h - 2));
                double fy = sy - y0;
                int y1 = Math.min(y0 + 1, h - 1);
                int top = (c * h + y0) * w;
                int bottom = (c * h + y1) * w;
                int row = (c * outH + y) * outW;
                for (int x = 0; x < outW; x++) {
                    int a = x0[x];
                    int b = Math.min(a + 1, w - 1);
                    double upper = in[top + a] * (1 - fx[x]) + in[top + b] * fx[x];
                    double lower = in[bottom + a] * (1 - fx[x]) + in[bottom + b] * fx[x];
                    out[row + x] = upper * (1 - fy) + lower * fy;
                }
            }
        }
        return result;
    }

    /**
     * Enlarges the centre of the image by a factor and crops the result back to the image's size:
     * the centre \(\lceil h/z\rceil \times \lceil w/z\rceil\) crop is zoomed by \(z\) and its
     * centre kept (the corruption references' {@code clipped_zoom}).
     *
     * @param image the image
     * @param factor the zoom factor, \(\ge 1\)
     * @return a new image of the same size
     */
    public static DoubleImage centreZoom(DoubleImage image, double factor) {
        int h = image.height();
        int w = image.width();
        int cropH = (int) Math.ceil(h / factor);
        int cropW = (int) Math.ceil(w / factor);
        int top = (h - cropH) / 2;
        int left = (w - cropW) / 2;
        int zoomedH = (int) Math.rint(cropH * factor);
        int zoomedW = (int) Math.rint(cropW * factor);
        int trimTop = (zoomedH - h) / 2;
        int trimLeft = (zoomedW - w) / 2;
        // the zoom of the crop, read only where the trimmed result needs it
        Axis rows = new Axis(cropH, zoomedH, trimTop, Math.min(h, zoomedH - trimTop), top);
        Axis cols = new Axis(cropW, zoomedW, trimLeft, Math.min(w, zoomedW - trimLeft), left);
        DoubleImage result = DoubleImage.zeros(image.channels(), rows.count, cols.count);
        double[] in = image.array();
        double[] out = result.array();
        for (int c = 0; c < image.channels(); c++) {
            int plane = c * h * w;
            for (int y = 0; y < rows.count; y++) {
                int upper = plane + rows.first[y] * w;
                int lower = plane + rows.second[y] * w;
                double fy = rows.fraction[y];
                int o = (c * rows.count + y) * cols.count;
                for (int x = 0; x < cols.count; x++) {
                    int a = cols.first[x];
                    int b = cols.second[x];
                    double fx = cols.fraction[x];
                    double top0 = in[upper + a] * (1 - fx) + in[upper + b] * fx;
                    double bottom = in[lower + a] * (1 - fx) + in[lower + b] * fx;
                    out[o + x] = top0 * (1 - fy) + bottom * fy;
                }
            }
        }
        return result;
    }

    /**
     * One axis of a zoom read back from a crop: for each kept output index, the two source indices
     * (in the full image) and the interpolation fraction, with {@link #zoom}'s mapping.
     */
    private static final class Axis {
        final int count;
        final int[] first;
        final int[] second;
        final double[] fraction;

        Axis(int in, int out, int skip, int count, int offset) {
            this.count = count;
            first = new int[count];
            second = new int[count];
            fraction = new double[count];
            double scale = out > 1 ? (double) (in - 1) / (out - 1) : 0;
            for (int i = 0; i < count; i++) {
                double s = Math.min((i + skip) * scale, in - 1);
                int i0 = Math.min((int) s, Math.max(0, in - 2));
                first[i] = offset + i0;
                second[i] = offset + Math.min(i0 + 1, in - 1);
                fraction[i] = s - i0;
            }
        }
    }

    /**
     * Copies a rectangle (clipped to the image, as NumPy slicing is).
     *
     * @param image the image
     * @param top the first row
     * @param left the first column
     * @param height the rows wanted
     * @param width the columns wanted
     * @return a new image of at most that size
     */
    public static DoubleImage crop(DoubleImage image, int top, int left, int height, int width) {
        int rows = Math.min(height, image.height() - top);
        int cols = Math.min(width, image.width() - left);
        DoubleImage result = DoubleImage.zeros(image.channels(), rows, cols);
        double[] in = image.array();
        double[] out = result.array();
        for (int c = 0; c < image.channels(); c++) {
            for (int y = 0; y < rows; y++) {
                System.arraycopy(
                        in,
                        (c * image.height() + top + y) * image.width() + left,
                        out,
                        (c * rows + y) * cols,
                        cols);
            }
        }
        return result;
    }
}
