package org.djmix.augment;

import org.apache.commons.math3.random.RandomGenerator;
import org.djmix.image.ByteImage;

/** A random augmentation of one 8-bit image whose result is a float image in [0, 1]. */
@FunctionalInterface
public interface ImageAugmentation {

    /**
     * Augments one image.
     *
     * @param image the input, left unchanged
     * @param random the random source for this image
     * @return the augmented image, planar, {@code channels·height·width} values in [0, 1]
     */
    float[] apply(ByteImage image, RandomGenerator random);
}
