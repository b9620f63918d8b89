package org.djmix.corruptions;

import org.djmix.image.BorderMode;
import org.djmix.image.Correlation;
import org.djmix.image.DoubleImage;

/**
 * Defocus blur's kernel: the disk \(X^2 + Y^2 \le r^2\) on the grid [−8, 8]² (or [−r, r]² when r
 * &gt; 8), normalised to sum 1, then anti-aliased by OpenCV's Gaussian blur (3×3, or 5×5 for r &gt;
 * 8, with \(\sigma\) = alias, mirrored borders) and stored as float32, as the reference's {@code
 * disk()} does.
 */
final class DiskKernel {

    private DiskKernel() {}

    /**
     * Builds the kernel.
     *
     * @param radius r
     * @param aliasSigma the anti-aliasing \(\sigma\)
     * @return the side·side weights, row-major; the side is {@code sqrt(length)}
     */
    static double[] of(double radius, double aliasSigma) {
        int reach = radius <= 8 ? 8 : (int) Math.floor(radius);
        int side = 2 * reach + 1;
        double[] disk = new double[side * side];
        double count = 0;
        for (int y = -reach; y <= reach; y++) {
            for (int x = -reach; x <= reach; x++) {
                if (x * x + y * y <= radius * radius) {
                    disk[(y + reach) * side + x + reach] = 1;
                    count++;
                }
            }
        }
        for (int i = 0; i < disk.length; i++) {
            disk[i] = (float) (disk[i] / count);
        }
        int gaussianSide = radius <= 8 ? 3 : 5;
        double[] g = openCvGaussian(gaussianSide, aliasSigma);
        DoubleImage image = DoubleImage.wrap(1, side, side, disk);
        DoubleImage smooth =
                Correlation.alongRows(
                        Correlation.alongColumns(image, g, BorderMode.MIRROR),
                        g,
                        BorderMode.MIRROR);
        double[] out = smooth.array();
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) out[i];
        }
        return out;
    }

    /** OpenCV's {@code getGaussianKernel(n, sigma)} for sigma &gt; 0. */
    private static double[] openCvGaussian(int n, double sigma) {
        double[] k = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double x = i - (n - 1) / 2.0;
            k[i] = Math.exp(-x * x / (2 * sigma * sigma));
            sum += k[i];
        }
        for (int i = 0; i < n; i++) {
            k[i] /= sum;
        }
        return k;
    }
}
