package org.djmix.core.method;

import ai.djl.nn.Block;
import ai.djl.training.loss.Loss;

/**
 * A training method of the paper (baseline, mixup, AugMix, DJMix and its variants) expressed in
 * DJL's own terms: a block that wraps the user's model \(f\) and a loss that wraps the user's task
 * loss \(\ell\), so an existing {@code Trainer} / {@code EasyTrain} loop, its listeners and
 * evaluators run unchanged. In inference the wrapped block is exactly \(f\).
 */
public interface Method {

    /**
     * Returns the method's name, as accepted by {@link Methods#create}.
     *
     * @return e.g. {@code djmix}
     */
    String name();

    /**
     * Wraps the model for training.
     *
     * @param model \(f\)
     * @return the block to give the {@code Model}
     */
    Block trainingBlock(Block model);

    /**
     * Wraps the task loss for training.
     *
     * @param taskLoss \(\ell\)
     * @return the loss to give the {@code TrainingConfig}
     */
    Loss trainingLoss(Loss taskLoss);
}
