package org.djmix.image;

/**
 * NumPy's floating-point sum ({@code np.sum} of a contiguous array): pairwise summation in blocks
 * of 8 partial sums, halves above 128 values. Reproducing its order reproduces its rounding, which
 * matters where a reference's result is truncated to 8 bits.
 */
public final class NumpySum {

    private static final int BLOCK = 128;

    private NumpySum() {}

    /**
     * Sums all values as NumPy does.
     *
     * @param values the values
     * @return their sum
     */
    public static double pairwise(double[] values) {
        return pairwise(values, 0, values.length);
    }

    private static double pairwise(double[] a, int start, int n) {
        if (n < 8) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += a[start + i];
            }
            return sum;
        }
        if (n <= BLOCK) {
            double[] r = new double[8];
            for (int j = 0; j < 8; j++) {
                r[j] = a[start + j];
            }
            int i = 8;
            for (; i < n - (n % 8); i += 8) {
                for (int j = 0; j < 8; j++) {
                    r[j] += a[start + i + j];
                }
            }
            double sum = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
            for (; i < n; i++) {
                sum += a[start + i];
            }
            return sum;
        }
        int half = n / 2;
        half -= half % 8;
        return pairwise(a, start, half) + pairwise(a, start + half, n - half);
    }
}
