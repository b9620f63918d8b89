package org.djmix.core;

import ai.djl.ndarray.NDArray;

/**
 * The discretizing autoencoder \(g\) of DJMix, seen from the method: a frozen map from images to
 * their discretized reconstructions, trained beforehand to minimise \(\|g(x) - x\|^2\).
 */
@FunctionalInterface
public interface Discretizer {

    /**
     * Computes \(g(x)\).
     *
     * @param images NCHW float images in [0, 1], on any device
     * @return \(g(x)\): same shape, same device; never part of a gradient computation
     */
    NDArray apply(NDArray images);

    /**
     * Returns the identity \(g(x) = x\) (for tests and as a neutral element).
     *
     * @return a discretizer that returns a detached copy of its input
     */
    static Discretizer identity() {
        return images -> images.stopGradient();
    }
}
