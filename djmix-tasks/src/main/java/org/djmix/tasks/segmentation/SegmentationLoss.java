package org.djmix.tasks.segmentation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.loss.Loss;
import org.djmix.core.nn.Scalars;

/**
 * Per-pixel softmax cross-entropy with an ignore label, torchvision's segmentation loss: \(\ell =
 * \mathrm{CE}(z, y) + \lambda\, \mathrm{CE}(z_{aux}, y)\) with \(\mathrm{CE}(z, y) = -\frac{1}{|V|}
 * \sum_{p \in V} \log \mathrm{softmax}(z_p)_{y_p}\), \(V\) the pixels whose label is not {@value
 * #IGNORE} and \(\lambda = 0.5\) when the model has the auxiliary head. A batch without a valid
 * pixel has loss 0 (PyTorch returns NaN). DJL's softmax cross-entropy has no ignore label and wants
 * (N, 1, H, W) labels; this reads the (N, H, W) masks of {@link DeepLabV3}'s data.
 *
 * <p>Labels: one (N, H, W) array of class indices. Predictions: {@link DeepLabV3}'s outputs — the
 * upsampled logits first, the auxiliary head's upsampled logits third when present.
 */
public class SegmentationLoss extends Loss {

    /** The label of pixels that count for nothing (VOC's object borders). */
    public static final int IGNORE = 255;

    private final float auxiliaryWeight;

    /** Creates the loss with torchvision's auxiliary weight 0.5. */
    public SegmentationLoss() {
        this(0.5f);
    }

    /**
     * Creates the loss.
     *
     * @param auxiliaryWeight \(\lambda\), the auxiliary head's weight (used when present)
     */
    public SegmentationLoss(float auxiliaryWeight) {
        super("SegmentationLoss");
        this.auxiliaryWeight = auxiliaryWeight;
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray mask = labels.head();
        NDArray loss = crossEntropy(predictions.get(0), mask);
        if (predictions.size() >= 3) {
            loss = loss.add(Scalars.mul(crossEntropy(predictions.get(2), mask), auxiliaryWeight));
        }
        return loss;
    }

    /**
     * The mean cross-entropy over the valid pixels of one logits map.
     *
     * @param logits (N, K, H, W)
     * @param mask (N, H, W) class indices, {@value #IGNORE} to ignore
     * @return a scalar
     */
    public static NDArray crossEntropy(NDArray logits, NDArray mask) {
        NDArray valid = mask.neq(IGNORE);
        NDArray index =
                mask.mul(valid.toType(mask.getDataType(), false))
                        .toType(DataType.INT64, false)
                        .expandDims(1);
        NDArray picked = logits.logSoftmax(1).gather(index, 1).squeeze(1);
        NDArray weights = valid.toType(DataType.FLOAT32, false);
        NDArray count = weights.sum().maximum(1f);
        return picked.mul(weights).sum().neg().div(count);
    }
}
