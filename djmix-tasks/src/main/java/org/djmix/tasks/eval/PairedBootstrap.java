package org.djmix.tasks.eval;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The uncertainty of the difference between two models' error rates measured on the same test
 * images: a paired bootstrap over images. Each resample draws \(n\) images with replacement and
 * recomputes \(\Delta^* = \frac{1}{n B}\sum_i w_i (k^A_i - k^B_i)\), where \(w_i\) is how often
 * image \(i\) was drawn, \(k_i\) its mistakes over the \(B\) blocks averaged (one for clean error,
 * corruptions × severities for a mean corrupted error). The 2.5 % and 97.5 % quantiles of
 * \(\Delta^*\) bound the 95 % interval. Pairing by image removes the images' shared difficulty,
 * which an unpaired comparison would count as noise.
 */
public final class PairedBootstrap {

    /** Resamples per interval. */
    public static final int RESAMPLES = 2_000;

    private PairedBootstrap() {}

    /**
     * A difference of error rates (A − B, in [−1, 1]) and its 95 % bootstrap interval.
     *
     * @param difference the observed difference
     * @param low the 2.5 % quantile
     * @param high the 97.5 % quantile
     */
    public record Difference(double difference, double low, double high) {

        /**
         * Tells whether the whole interval lies below zero (A makes fewer mistakes).
         *
         * @return high &lt; 0
         */
        public boolean lower() {
            return high < 0;
        }
    }

    /**
     * Bootstraps the difference of two per-image mistake counts.
     *
     * @param a model A's mistakes per image, over {@code blocks} blocks
     * @param b model B's, for the same images in the same order
     * @param blocks the number of blocks the counts sum over (&gt; 0)
     * @param seed the resampling seed (the same seed gives the same interval)
     * @return A − B with its interval
     * @throws IllegalArgumentException if the counts are not for the same number of images
     */
    public static Difference difference(int[] a, int[] b, int blocks, long seed) {
        if (a.length != b.length || a.length == 0) {
            throw new IllegalArgumentException(
                    "a paired bootstrap needs the same, non-zero number of images in both models,"
                            + " got "
                            + a.length
                            + " and "
                            + b.length);
        }
        if (blocks < 1) {
            throw new IllegalArgumentException("blocks must be > 0, got " + blocks);
        }
        int n = a.length;
        int[] d = new int[n];
        long observed = 0;
        for (int i = 0; i < n; i++) {
            d[i] = a[i] - b[i];
            observed += d[i];
        }
        double scale = 1.0 / ((double) n * blocks);
        SplittableRandom random = new SplittableRandom(seed);
        double[] resampled = new double[RESAMPLES];
        for (int r = 0; r < RESAMPLES; r++) {
            long sum = 0;
            for (int j = 0; j < n; j++) {
                sum += d[random.nextInt(n)];
            }
            resampled[r] = sum * scale;
        }
        Arrays.sort(resampled);
        return new Difference(
                observed * scale,
                resampled[(int) Math.floor(0.025 * (RESAMPLES - 1))],
                resampled[(int) Math.ceil(0.975 * (RESAMPLES - 1))]);
    }
}
