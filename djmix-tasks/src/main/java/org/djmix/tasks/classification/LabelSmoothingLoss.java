package org.djmix.tasks.classification;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.loss.Loss;
import org.djmix.core.nn.Scalars;

/**
 * Softmax cross-entropy against smoothed labels (Szegedy et al. 2016; PyTorch's {@code
 * CrossEntropyLoss(label_smoothing=ε)}): the target puts \(1 - \varepsilon\) on the class and
 * spreads \(\varepsilon\) evenly over all \(K\) classes, \(\ell = (1 - \varepsilon)(-\log p_y) +
 * \tfrac{\varepsilon}{K} \sum_k (-\log p_k)\), averaged over the batch. With \(\varepsilon = 0\) it
 * is DJL's softmax cross-entropy.
 */
public final class LabelSmoothingLoss extends Loss {

    private final float smoothing;

    /**
     * Creates the loss.
     *
     * @param smoothing \(\varepsilon \in [0, 1)\)
     */
    public LabelSmoothingLoss(float smoothing) {
        super("LabelSmoothingLoss");
        if (!(smoothing >= 0 && smoothing < 1)) {
            throw new IllegalArgumentException(
                    "label smoothing must be in [0, 1), got " + smoothing);
        }
        this.smoothing = smoothing;
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray logProbabilities = predictions.head().logSoftmax(1);
        NDArray index = labels.head().toType(DataType.INT64, false).reshape(-1, 1);
        NDArray picked = logProbabilities.gather(index, 1).squeeze(1).neg();
        NDArray uniform = logProbabilities.mean(new int[] {1}).neg();
        return Scalars.mul(picked, 1 - smoothing).add(Scalars.mul(uniform, smoothing)).mean();
    }
}
