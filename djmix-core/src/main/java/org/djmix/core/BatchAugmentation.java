package org.djmix.core;

import ai.djl.ndarray.NDArray;
import org.apache.commons.math3.random.RandomGenerator;

/** A random augmentation of a whole batch of NCHW images in [0, 1] (e.g. AugMix, or RA). */
@FunctionalInterface
public interface BatchAugmentation {

    /**
     * Augments a batch.
     *
     * @param images NCHW float images in [0, 1]
     * @param random the random source of this step
     * @return the augmented batch: same shape, same device
     */
    NDArray apply(NDArray images, RandomGenerator random);

    /**
     * Returns the augmentation that changes nothing.
     *
     * @return \(a(x) = x\)
     */
    static BatchAugmentation none() {
        return (images, random) -> images;
    }
}
