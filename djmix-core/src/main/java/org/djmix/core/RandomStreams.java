package org.djmix.core;

import java.nio.charset.StandardCharsets;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Independent, reproducible random streams derived from one user seed: one stream per purpose (data
 * order, \(\beta\), augmentation, corruption), one generator per index (training step, image). A
 * generator depends only on (seed, purpose, index), so results do not depend on thread count or on
 * how many draws other streams made, and a resumed run can recreate step \(t\)'s randomness from
 * \(t\) alone.
 */
public final class RandomStreams {

    private final long seed;

    /**
     * Creates the root of a family of streams.
     *
     * @param seed the user seed
     */
    public RandomStreams(long seed) {
        this.seed = seed;
    }

    /**
     * Returns an independent family of streams for one purpose.
     *
     * @param purpose a name, e.g. {@code "beta"}
     * @return the derived streams
     */
    public RandomStreams derive(String purpose) {
        long h = 0;
        for (byte b : purpose.getBytes(StandardCharsets.UTF_8)) {
            h = h * 1_000_003L + b;
        }
        return new RandomStreams(mix(seed ^ mix(h)));
    }

    /**
     * Returns the generator for one index of this stream.
     *
     * @param index the index (a step, an image number)
     * @return a fresh Well19937c generator seeded from (seed, index)
     */
    public RandomGenerator generator(long index) {
        long s = mix(seed + mix(index));
        return new Well19937c(
                new int[] {(int) (s >>> 32), (int) s, (int) (index >>> 32), (int) index});
    }

    /**
     * Returns the seed of this family.
     *
     * @return the seed
     */
    public long seed() {
        return seed;
    }

    /** SplitMix64's finaliser: a bijection that spreads nearby seeds apart. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
