package org.djmix.tasks.detection;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;

/**
 * The two losses of Faster R-CNN's heads, as torchvision computes them: binary cross-entropy on
 * logits, \(\max(x, 0) - x z + \log(1 + e^{-|x|})\), and the smooth L1 of box codes, \(0.5
 * d^2/\beta\) for \(|d| < \beta\), else \(|d| - 0.5\beta\) (β = 1/9 in both heads).
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
        return logits.maximum(0f)
                .sub(logits.mul(targets))
                .add(logits.abs().neg().exp().add(1f).log())
                .mean();
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
        NDArray quadratic = distance.square().mul(0.5f / beta);
        NDArray linear = distance.sub(0.5f * beta);
        return NDArrays.where(distance.lt(beta), quadratic, linear).sum();
    }
}
