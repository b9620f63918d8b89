package org.djmix.tasks.detection;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

/**
 * Faster R-CNN's task loss \(\ell\) as a DJL {@link Loss}: the sum of the four losses {@link
 * FasterRcnn} returns in training, \(\ell = \ell^{rpn}_{obj} + \ell^{rpn}_{box} + \ell^{roi}_{cls}
 * + \ell^{roi}_{box}\) (torchvision sums its loss dictionary the same way). The targets went to the
 * model with the batch, so the labels are not read here. On inference outputs (detections, as in a
 * validation pass) it is 0: like torchvision, the detector computes no losses in evaluation, and
 * its validation figure is the mAP ({@link MeanAveragePrecisionEvaluator}).
 */
public final class DetectionLoss extends Loss {

    /** Creates the loss. */
    public DetectionLoss() {
        super("DetectionLoss");
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        if (predictions.size() != FasterRcnn.OUTPUTS) {
            throw new IllegalArgumentException(
                    "the detection loss reads Faster R-CNN's "
                            + FasterRcnn.OUTPUTS
                            + " outputs, got "
                            + predictions.size());
        }
        if (!FasterRcnn.isTrainingOutput(predictions)) {
            return predictions.get(1).getManager().create(0f);
        }
        return predictions
                .get(0)
                .add(predictions.get(1))
                .add(predictions.get(2))
                .add(predictions.get(3));
    }
}
