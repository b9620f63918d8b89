package org.djmix.core;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * How a consistency-trained method turns a batch \(x\) into the \(k\) views the model is trained
 * on: \((\tilde{x}, x)\) for DJMix, \((x, x_{aug,1}, x_{aug,2})\) for AugMix.
 */
public interface TrainingViews {

    /**
     * Makes the views of one batch.
     *
     * @param images the batch, NCHW float in [0, 1]
     * @param random the random source of this step
     * @return {@link #count()} arrays of the batch's shape, on its device
     */
    NDList make(NDArray images, RandomGenerator random);

    /**
     * Returns how many views {@link #make} returns.
     *
     * @return \(k \ge 1\)
     */
    int count();
}
