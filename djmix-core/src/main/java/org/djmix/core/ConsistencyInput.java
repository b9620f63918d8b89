package org.djmix.core;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/**
 * The task's say in the consistency term: which of the model's outputs \(f(\cdot)\) the divergence
 * \(d(f(\tilde{x}), f(x))\) compares — classification logits, segmentation logits before
 * upsampling, a detector's backbone logits.
 */
@FunctionalInterface
public interface ConsistencyInput {

    /**
     * Picks the array to compare from one view's outputs.
     *
     * @param outputs the model's outputs for one view
     * @return the logits to compare, class axis 1
     */
    NDArray select(NDList outputs);

    /**
     * Returns the choice of the first output (classification logits).
     *
     * @return a selector of {@code outputs.get(0)}
     */
    static ConsistencyInput first() {
        return NDList::head;
    }
}
