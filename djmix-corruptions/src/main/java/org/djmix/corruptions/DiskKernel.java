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
        double[] disk = aliasedDisk(radius);
        int side = (int) Math.round(Math.sqrt(disk.length));
        int gaussianSide = radius <= 8 ? 3 : 5;
        double[] g = openCvGaussian(gaussianSide, aliasSigma);
        // OpenCV's separable Gaussian of a float32 image: float32 after each pass
        DoubleImage rows =
                toFloat(
                        Correlation.alongRows(
                                DoubleImage.wrap(1, side, side, disk), g, BorderMode.MIRROR));
        double[] out = toFloat(Correlation.alongColumns(rows, g, BorderMode.MIRROR)).array();
        return out;
    }

    /**
     * The disk before anti-aliasing: 1 where \(X^2 + Y^2 \le r^2\), normalised to sum 1, as
     * float32.
     *
     * @param radius r
     * @return the side·side weights, row-major
     */
    static double[] aliasedDisk(double radius) {
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
        return disk;
    }

    private static DoubleImage toFloat(DoubleImage image) {
        double[] v = image.array();
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) v[i];
        }
        return image;
    }

    /** OpenCV's {@code getGaussianKernel(n, sigma)} for sigma &gt; 0, as float32 values. */
    private static double[] openCvGaussian(int n, double sigma) {
        double[] k = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double x = i - (n - 1) / 2.0;
            k[i] = Math.exp(-x * x / (2 * sigma * sigma));
            sum += k[i];
        }
        for (int i = 0; i < n; i++) {
            k[i] = (float) (k[i] / sum);
        }
        return k;
    }
}
