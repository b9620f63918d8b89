package org.djmix.corruptions;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;

/**
 * The draws the corruptions make, on a seeded {@link RandomGenerator}: uniform reals and integers
 * with NumPy's half-open ranges, normals, and Poisson counts. Shot noise draws Poisson(λx) for
 * 8-bit x, so only 256 means per λ occur: each gets a cumulative table, built once and searched
 * with one uniform (exact inversion), several times faster than a rejection sampler such as NumPy's
 * PTRS.
 */
final class Randoms {

    private Randoms() {}

    /** U[low, high). */
    static double uniform(RandomGenerator random, double low, double high) {
        return low + (high - low) * random.nextDouble();
    }

    /** An integer in [low, high), as {@code np.random.randint(low, high)}. */
    static int integer(RandomGenerator random, int low, int high) {
        return low + random.nextInt(high - low);
    }

    /** N(mean, sd²). */
    static double normal(RandomGenerator random, double mean, double sd) {
        return mean + sd * random.nextGaussian();
    }

    private static final Map<Double, double[][]> BYTE_TABLES = new ConcurrentHashMap<>();

    /**
     * Returns Poisson(λ·v/255) cumulative tables for the 256 byte values v (built once per λ).
     *
     * @param lambda λ &gt; 0, at most 700 (the tables start from \(e^{-\lambda}\))
     * @return 256 tables, each ending with 1
     */
    static double[][] poissonTables(double lambda) {
        if (!(lambda > 0 && lambda <= 700)) {
            throw new IllegalArgumentException("lambda must be in (0, 700], got " + lambda);
        }
        return BYTE_TABLES.computeIfAbsent(
                lambda,
                l -> {
                    double[][] tables = new double[256][];
                    for (int v = 0; v < 256; v++) {
                        tables[v] = cumulative(v / 255.0 * l);
                    }
                    return tables;
                });
    }

    /** Draws from a cumulative table by inversion. */
    static int sample(double[] cdf, RandomGenerator random) {
        int k = java.util.Arrays.binarySearch(cdf, random.nextDouble());
        return k >= 0 ? k : -k - 1;
    }

    /** P(X ≤ k) for k = 0, 1, … until the remaining terms are negligible (the last is 1). */
    private static double[] cumulative(double mean) {
        double[] cdf = new double[64];
        double p = Math.exp(-mean);
        double sum = p;
        cdf[0] = sum;
        int k = 0;
        while (true) {
            p *= mean / (k + 1);
            if (k + 1 > mean && p < 1e-17) {
                break;
            }
            k++;
            sum += p;
            if (k == cdf.length) {
                cdf = java.util.Arrays.copyOf(cdf, 2 * k);
            }
            cdf[k] = sum;
        }
        cdf = java.util.Arrays.copyOf(cdf, k + 1);
        cdf[k] = 1.0;
        return cdf;
    }
}
