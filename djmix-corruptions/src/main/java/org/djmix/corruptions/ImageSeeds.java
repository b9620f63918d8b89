package org.djmix.corruptions;

/**
 * The seed of one corrupted image, a hash of the job's seed, the corruption, the severity and the
 * image's index: every image's randomness is its own, so the output does not depend on the order or
 * the number of threads that compute it.
 */
final class ImageSeeds {

    private ImageSeeds() {}

    static long of(long seed, Corruption corruption, int severity, int index) {
        long h = mix(seed);
        h = mix(h ^ (corruption.ordinal() + 1L) * 0x9E3779B97F4A7C15L);
        h = mix(h ^ severity * 0xC2B2AE3D27D4EB4FL);
        return mix(h ^ index * 0x165667B19E3779F9L);
    }

    /** Stafford's variant 13 of the 64-bit finaliser (as in SplittableRandom). */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
