package org.djmix.core.method;

import ai.djl.nn.Block;
import ai.djl.training.loss.Loss;
import java.util.function.UnaryOperator;

/** A method made of its two wrappers. */
record StandardMethod(
        String name, UnaryOperator<Block> blockWrapper, UnaryOperator<Loss> lossWrapper)
        implements Method {

    @Override
    public Block trainingBlock(Block model) {
        return blockWrapper.apply(model);
    }

    @Override
    public Loss trainingLoss(Loss taskLoss) {
        return lossWrapper.apply(taskLoss);
    }
}
