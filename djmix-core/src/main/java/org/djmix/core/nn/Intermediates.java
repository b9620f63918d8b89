package org.djmix.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/** Closes the arrays of an intermediate result that its consumers no longer need. */
final class Intermediates {

    private Intermediates() {}

    /**
     * Closes every array of {@code done} that is not also one of the arrays in {@code keep} (the
     * same object: a block that passes its input through returns it unchanged).
     *
     * @param done a result its consumers have used
     * @param keep the results still needed: the enclosing block's inputs and output
     */
    static void close(NDList done, NDList... keep) {
        for (NDArray array : done) {
            if (!isIn(array, keep)) {
                array.close();
            }
        }
    }

    private static boolean isIn(NDArray array, NDList... lists) {
        for (NDList list : lists) {
            for (NDArray kept : list) {
                if (kept == array) {
                    return true;
                }
            }
        }
        return false;
    }
}
