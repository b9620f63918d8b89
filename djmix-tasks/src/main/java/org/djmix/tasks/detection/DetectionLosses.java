package org.djmix.tasks.detection;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.nn.Activation;
import org.djmix.core.nn.Scalars;

/**
 * The two losses of Faster R-CNN's heads, as torchvision computes them: binary cross-entropy on
 * logits, \(\log(1 + e^{x}) - x z\) (PyTorch's stable softplus, gradient \(\sigma(x) - z\)
 * everywhere), and the smooth L1 of box codes, \(0.5 d^2/\beta\) for \(|d| < \beta\), else \(|d| -
 * 0.5\beta\) (β = 1/9 in both heads). Constants in the graph go through {@link Scalars}: DJL's
 * {@code mul(Number)} and {@code maximum(Number)} keep a tensor over a freed Java buffer for the
 * backward pass (docs/design.md, item 19), which made the detector's gradients explode at random.
 */
public final class DetectionLosses {

    /** torchvision's β of both heads' smooth L1. */
    public static final float BETA = 1f / 9;

    private DetectionLosses() {}

    /**
     * Returns the mean binary cross-entropy of logits against 0/1 targets.
     *
     * @param logits (K)
     * @param targets (K), 0 or 1
     * @return a scalar
     */
    public static NDArray binaryCrossEntropy(NDArray logits, NDArray targets) {
        return Activation.softPlus(logits).sub(logits.mul(targets)).mean();
    }

    /**
     * Returns the summed smooth L1 distance of predicted and target codes.
     *
     * @param predicted (K, 4)
     * @param targets (K, 4)
     * @param beta where the quadratic part ends
     * @return a scalar, the sum over all entries
     */
    public static NDArray smoothL1Sum(NDArray predicted, NDArray targets, float beta) {
        NDArray distance = predicted.sub(targets).abs();
        NDArray quadratic = Scalars.mul(distance.square(), 0.5 / beta);
        NDArray linear = distance.sub(0.5f * beta);
        return NDArrays.where(distance.lt(beta), quadratic, linear).sum();
    }
}
