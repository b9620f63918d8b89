package org.djmix.core.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/**
 * The L2 ablation of DJMix's consistency term (Table 5 (c)): \(\|p - q\|^2 = \sum_c (p_c - q_c)^2\)
 * between the softmax outputs of the two views, averaged over the batch (and pixels). Symmetric,
 * zero for equal inputs, at most 2.
 */
public class L2ConsistencyLoss extends ConsistencyLoss {

    /** Creates the loss over class axis 1. */
    public L2ConsistencyLoss() {
        this("L2ConsistencyLoss", 1);
    }

    /**
     * Creates the loss.
     *
     * @param name the name shown in logs
     * @param classAxis the class axis of the logits
     */
    public L2ConsistencyLoss(String name, int classAxis) {
        super(name, classAxis, 2, 2);
    }

    @Override
    protected NDArray divergence(NDList logits) {
        NDArray p = logits.get(0).softmax(classAxis());
        NDArray q = logits.get(1).softmax(classAxis());
        return meanOverPositions(p.sub(q).square());
    }
}
