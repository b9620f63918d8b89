package org.djmix.corruptions;

import java.util.random.RandomGenerator;
import org.djmix.image.ByteImage;

/** One corruption's algorithm, given its parameters at a severity. */
@FunctionalInterface
interface CorruptionFunction {

    /**
     * Corrupts an image.
     *
     * @param image the 8-bit image (1 or 3 channels)
     * @param parameters the profile's parameters at the severity
     * @param profile the profile (for size-dependent choices)
     * @param random the only source of randomness
     * @return the corrupted 8-bit image, same shape
     */
    ByteImage apply(
            ByteImage image,
            double[] parameters,
            CorruptionProfile profile,
            RandomGenerator random);
}
