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
        boolean symmetric = isSymmetric(weights);
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
                    out[plane + y * w + x] =
                            correlate(in, source, 0, plane + x, w, weights, symmetric);
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
        boolean symmetric = isSymmetric(weights);
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
                    out[row + x] =
                            correlate(in, source, x * weights.length, row, 1, weights, symmetric);
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
        // the padded image lets every tap read without index checks; taps of weight 0 (most of a
        // small disk's square) are skipped, which leaves each sum's order and value unchanged
        int pw = w + 2 * r;
        int ph = h + 2 * r;
        double[] in = image.array();
        double[] padded = new double[ph * pw];
        DoubleImage result = image.blank();
        double[] out = result.array();
        double[] row = new double[w];
        for (int c = 0; c < image.channels(); c++) {
            int plane = c * h * w;
            for (int y = 0; y < ph; y++) {
                int sy = mode.index(y - r, h);
                for (int x = 0; x < pw; x++) {
                    int sx = mode.index(x - r, w);
                    padded[y * pw + x] = sy < 0 || sx < 0 ? 0 : in[plane + sy * w + sx];
                }
            }
            for (int y = 0; y < h; y++) {
                java.util.Arrays.fill(row, 0);
                for (int ky = 0; ky < side; ky++) {
                    int base = (y + ky) * pw;
                    for (int kx = 0; kx < side; kx++) {
                        double weight = kernel[ky * side + kx];
                        if (weight == 0) {
                            continue;
                        }
                        int start = base + kx;
                        for (int x = 0; x < w; x++) {
                            row[x] += weight * padded[start + x];
                        }
                    }
                }
                System.arraycopy(row, 0, out, plane + y * w, w);
            }
        }
        return result;
    }

    /**
     * One output sample: \(\sum_k w_k x_{s_k}\) over the kernel taps whose source index {@code s_k
     * = sources[first + k]} is not -1, reading {@code in[base + s_k * stride]}. A symmetric kernel
     * is summed as SciPy's {@code correlate1d} does, centre first, then the pairs \((x_{-k} +
     * x_{k}) w_k\) from the outermost in, so that the results round as SciPy's do.
     */
    private static double correlate(
            double[] in,
            int[] sources,
            int first,
            int base,
            int stride,
            double[] weights,
            boolean symmetric) {
        int r = weights.length / 2;
        if (symmetric) {
            double sum = sample(in, sources[first + r], base, stride) * weights[r];
            for (int k = r; k >= 1; k--) {
                sum +=
                        (sample(in, sources[first + r - k], base, stride)
                                        + sample(in, sources[first + r + k], base, stride))
                                * weights[r + k];
            }
            return sum;
        }
        double sum = 0;
        for (int k = 0; k < weights.length; k++) {
            sum += weights[k] * sample(in, sources[first + k], base, stride);
        }
        return sum;
    }

    private static double sample(double[] in, int source, int base, int stride) {
        return source < 0 ? 0 : in[base + source * stride];
    }

    private static boolean isSymmetric(double[] weights) {
        for (int k = 0; k < weights.length / 2; k++) {
            if (weights[k] != weights[weights.length - 1 - k]) {
                return false;
            }
        }
        return true;
    }

    private static int centre(double[] weights) {
        if (weights.length % 2 != 1) {
            throw new IllegalArgumentException(
                    "the kernel must have odd length, got " + weights.length);
        }
        return weights.length / 2;
    }
}
