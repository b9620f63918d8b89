package org.djmix.image;

/**
 * Gaussian smoothing with SciPy's semantics ({@code scipy.ndimage.gaussian_filter}, which {@code
 * skimage.filters.gaussian} calls): a sampled kernel \(w_i \propto e^{-i^2 / 2\sigma^2}\) for \(|i|
 * \le \lfloor t\sigma + 0.5\rfloor\) (t = truncate), normalised to sum 1, applied as a correlation
 * along the rows' axis and then the columns' axis of each channel, with the given border mode.
 */
public final class GaussianFilter {

    private GaussianFilter() {}

    /**
     * Returns SciPy's 1-D Gaussian kernel.
     *
     * @param sigma \(\sigma &gt; 0\)
     * @param truncate how many \(\sigma\) the kernel reaches
     * @return the \(2r+1\) weights, summing to 1
     */
    public static double[] kernel(double sigma, double truncate) {
        if (!(sigma > 0)) {
            throw new IllegalArgumentException("sigma must be > 0, got " + sigma);
        }
        int radius = (int) (truncate * sigma + 0.5);
        double[] weights = new double[2 * radius + 1];
        double factor = -0.5 / (sigma * sigma);
        for (int i = -radius; i <= radius; i++) {
            weights[i + radius] = Math.exp(factor * (double) (i * i));
        }
        double sum = NumpySum.pairwise(weights);
        for (int i = 0; i < weights.length; i++) {
            weights[i] /= sum;
        }
        return weights;
    }

    /**
     * Blurs every channel (\(\sigma = 0\) returns a copy, as SciPy skips such axes).
     *
     * @param image the image
     * @param sigma \(\sigma \ge 0\), in pixels, on both spatial axes
     * @param truncate the kernel's reach in \(\sigma\) (skimage's default 4)
     * @param mode the border mode (skimage's default {@link BorderMode#NEAREST})
     * @return a new image
     */
    public static DoubleImage blur(
            DoubleImage image, double sigma, double truncate, BorderMode mode) {
        if (sigma == 0) {
            return image.copy();
        }
        double[] weights = kernel(sigma, truncate);
        DoubleImage rows = Correlation.alongColumns(image, weights, mode);
        return Correlation.alongRows(rows, weights, mode);
    }
}
