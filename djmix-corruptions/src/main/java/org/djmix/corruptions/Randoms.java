package org.djmix.corruptions;

import java.util.random.RandomGenerator;
import org.apache.commons.math3.special.Gamma;

/**
 * The draws the corruptions make, on a seeded {@link RandomGenerator}: uniform reals and integers
 * with NumPy's half-open ranges, normals, and Poisson counts by NumPy's algorithms (products of
 * uniforms below a mean of 10, Hörmann's PTRS rejection above), whose per-sample mean a library
 * sampler object would have to be rebuilt for at every pixel.
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

    /** Poisson(mean), mean ≥ 0. */
    static long poisson(RandomGenerator random, double mean) {
        if (mean >= 10) {
            return poissonPtrs(random, mean);
        }
        if (mean <= 0) {
            return 0;
        }
        double limit = Math.exp(-mean);
        long count = 0;
        double product = 1;
        while (true) {
            product *= random.nextDouble();
            if (product > limit) {
                count++;
            } else {
                return count;
            }
        }
    }

    private static long poissonPtrs(RandomGenerator random, double lam) {
        double slam = Math.sqrt(lam);
        double loglam = Math.log(lam);
        double b = 0.931 + 2.53 * slam;
        double a = -0.059 + 0.02483 * b;
        double invalpha = 1.1239 + 1.1328 / (b - 3.4);
        double vr = 0.9277 - 3.6224 / (b - 2);
        while (true) {
            double u = random.nextDouble() - 0.5;
            double v = random.nextDouble();
            double us = 0.5 - Math.abs(u);
            long k = (long) Math.floor((2 * a / us + b) * u + lam + 0.43);
            if (us >= 0.07 && v <= vr) {
                return k;
            }
            if (k < 0 || (us < 0.013 && v > us)) {
                continue;
            }
            if (Math.log(v) + Math.log(invalpha) - Math.log(a / (us * us) + b)
                    <= -lam + k * loglam - Gamma.logGamma(k + 1)) {
                return k;
            }
        }
    }
}
