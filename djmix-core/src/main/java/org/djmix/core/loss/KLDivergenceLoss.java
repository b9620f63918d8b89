package org.djmix.core.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/**
 * The KL ablation of DJMix's consistency term (Table 5 (c)): \(\mathrm{KL}(q \| p) = \sum_c q_c
 * (\log q_c - \log p_c)\) with \(p = \mathrm{softmax}(f(\tilde{x}))\) (predictions[0]) and \(q =
 * \mathrm{softmax}(f(x))\) (predictions[1]), summed over classes, averaged over the batch (and
 * pixels). Not symmetric; zero for equal inputs.
 */
public class KLDivergenceLoss extends ConsistencyLoss {

    /** Creates the loss over class axis 1. */
    public KLDivergenceLoss() {
        this("KLDivergenceLoss", 1);
    }

    /**
     * Creates the loss.
     *
     * @param name the name shown in logs
     * @param classAxis the class axis of the logits
     */
    public KLDivergenceLoss(String name, int classAxis) {
        super(name, classAxis, 2, 2);
    }

    @Override
    protected NDArray divergence(NDList logits) {
        NDArray logP = logits.get(0).logSoftmax(classAxis());
        NDArray logQ = logits.get(1).logSoftmax(classAxis());
        return meanOverPositions(logQ.exp().mul(logQ.sub(logP)));
    }
}
