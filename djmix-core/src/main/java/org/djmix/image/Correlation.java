package org.djmix.image;

/**
 * Correlation of every channel with a kernel, \(y_{i} = \sum_k w_k\,x_{i + k - r}\) (r = the
 * kernel's centre), reading outside the image by a {@link BorderMode}: 1-D along one axis (SciPy's
 * {@code correlate1d}) or 2-D (OpenCV's {@code filter2D}, which also correlates).
 */
public final class Correlation {

    private Correlation() {}

    /**
     * Correlates along the vertical axis (each column is filtered): SciPy's axis 0.
     *
     * @param image the image
     * @param weights an odd-length kernel, centred
     * @param mode the border mode
     * @return a new image
     */
    public static DoubleImage alongColumns(DoubleImage image, double[] weights, BorderMode mode) {
        int h = image.height();
        int w = image.width();
        int r = centre(weights);
        double[] in = image.array();
        DoubleImage result = image.blank();
        double[] out = result.array();
        int[] source = new int[weights.length];
        for (int c = 0; c < image.channels(); c++) {
            int plane = c * h * w;
            for (int y = 0; y < h; y++) {
                for (int k = 0; k < weights.length; k++) {
                    source[k] = mode.index(y + k - r, h);
                }
                for (int x = 0; x < w; x++) {
                    double sum = 0;
                    for (int k = 0; k < weights.length; k++) {
                        if (source[k] >= 0) {
                            sum += weights[k] * in[plane + source[k] * w + x];
                        }
                    }
                    out[plane + y * w + x] = sum;
                }
            }
        }
        return result;
    }

    /**
     * Correlates along the horizontal axis (each row is filtered): SciPy's axis 1.
     *
     * @param image the image
     * @param weights an odd-length kernel, centred
     * @param mode the border mode
     * @return a new image
     */
    public static DoubleImage alongRows(DoubleImage image, double[] weights, BorderMode mode) {
        int h = image.height();
        int w = image.width();
        int r = centre(weights);
        double[] in = image.array();
        DoubleImage result = image.blank();
        double[] out = result.array();
        int[] source = new int[weights.length * w];
        for (int x = 0; x < w; x++) {
            for (int k = 0; k < weights.length; k++) {
                source[x * weights.length + k] = mode.index(x + k - r, w);
            }
        }
        for (int c = 0; c < image.channels(); c++) {
            for (int y = 0; y < h; y++) {
                int row = (c * h + y) * w;
                for (int x = 0; x < w; x++) {
                    double sum = 0;
                    int base = x * weights.length;
                    for (int k = 0; k < weights.length; k++) {
                        int s = source[base + k];
                        if (s >= 0) {
                            sum += weights[k] * in[row + s];
                        }
                    }
                    out[row + x] = sum;
                }
            }
        }
        return result;
    }

    /**
     * Correlates with a 2-D kernel, as OpenCV's {@code filter2D} with the anchor at the centre.
     *
     * @param image the image
     * @param kernel a square kernel of odd side, row-major
     * @param side the kernel's side
     * @param mode the border mode (OpenCV's default is {@link BorderMode#MIRROR})
     * @return a new image
     */
    public static DoubleImage filter2d(
            DoubleImage image, double[] kernel, int side, BorderMode mode) {
        if (side % 2 != 1 || kernel.length != side * side) {
            throw new IllegalArgumentException(
                    "kernel must be side x side with an odd side, got "
                            + kernel.length
                            + " values for side "
                            + side);
        }
        int h = image.height();
        int w = image.width();
        int r = side / 2;
        double[] in = image.array();
        DoubleImage result = image.blank();
        double[] out = result.array();
        int[] columns = new int[w * side];
        for (int x = 0; x < w; x++) {
            for (int k = 0; k < side; k++) {
                columns[x * side + k] = mode.index(x + k - r, w);
            }
        }
        for (int c = 0; c < image.channels(); c++) {
            int plane = c * h * w;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double sum = 0;
                    for (int ky = 0; ky < side; ky++) {
                        int sy = mode.index(y + ky - r, h);
                        if (sy < 0) {
                            continue;
                        }
                        int row = plane + sy * w;
                        for (int kx = 0; kx < side; kx++) {
                            int sx = columns[x * side + kx];
                            if (sx >= 0) {
                                sum += kernel[ky * side + kx] * in[row + sx];
                            }
                        }
                    }
                    out[plane + y * w + x] = sum;
                }
            }
        }
        return result;
    }

    private static int centre(double[] weights) {
        if (weights.length % 2 != 1) {
            throw new IllegalArgumentException(
                    "the kernel must have odd length, got " + weights.length);
        }
        return weights.length / 2;
    }
}
