package org.djmix.core.training;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.PairList;

/**
 * Restores saved values into a model that a {@code Trainer} already uses. DJL's {@code
 * Block.loadParameters} replaces each parameter's array, but the trainer's parameter store keeps
 * the arrays it cached at initialisation: the forward pass and the optimiser would go on with the
 * old values. So the checkpoint is loaded into a fresh copy of the model and copied into the live
 * arrays in place.
 */
public final class LiveParameters {

    private LiveParameters() {}

    /**
     * Copies every parameter of {@code saved} into the same parameter of {@code live}, in place.
     *
     * @param saved a model of the same architecture holding the values to restore
     * @param live the model the trainer uses
     * @throws IllegalArgumentException naming the parameter if the architectures differ
     */
    public static void copy(Block saved, Block live) {
        PairList<String, Parameter> from = saved.getParameters();
        PairList<String, Parameter> to = live.getParameters();
        if (from.size() != to.size()) {
            throw new IllegalArgumentException(
                    "the saved model has " + from.size() + " parameters, the live " + to.size());
        }
        for (int i = 0; i < to.size(); i++) {
            NDArray source = from.valueAt(i).getArray();
            NDArray target = to.valueAt(i).getArray();
            if (!source.getShape().equals(target.getShape())) {
                throw new IllegalArgumentException(
                        "parameter "
                                + to.keyAt(i)
                                + " is "
                                + target.getShape()
                                + ", the saved one "
                                + source.getShape());
            }
            source.copyTo(target);
        }
    }
}
