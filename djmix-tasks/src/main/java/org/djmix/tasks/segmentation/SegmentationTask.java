package org.djmix.tasks.segmentation;

import ai.djl.nn.Block;
import ai.djl.training.evaluator.Evaluator;
import ai.djl.training.loss.Loss;
import ai.djl.training.tracker.Tracker;
import org.djmix.core.TaskOutputs;
import org.djmix.tasks.task.Task;
import org.djmix.tasks.training.PolyDecay;

/**
 * Semantic segmentation with {@link DeepLabV3}: the per-pixel {@link SegmentationLoss} on the
 * upsampled logits (plus the auxiliary head's, weight 0.5), and the head's logits before upsampling
 * as the consistency term's input (the paper's choice: the divergence is averaged over the h×w
 * positions of the output-stride grid, not over interpolated pixels).
 *
 * @param numClasses K, background included (PASCAL VOC: 21)
 * @param outputStride 8 or 16
 * @param auxiliaryHead whether the model has torchvision's auxiliary FCN head
 */
public record SegmentationTask(int numClasses, int outputStride, boolean auxiliaryHead)
        implements Task {

    /**
     * Checks the values by building the model's description.
     *
     * @param numClasses &gt; 0
     * @param outputStride 8 or 16
     * @param auxiliaryHead whether to add the auxiliary head
     */
    public SegmentationTask {
        builder(numClasses, outputStride, auxiliaryHead).build();
    }

    private static DeepLabV3.Builder builder(int classes, int stride, boolean auxiliary) {
        return DeepLabV3.builder()
                .setNumClasses(classes)
                .optOutputStride(stride)
                .optAuxiliaryHead(auxiliary);
    }

    @Override
    public Block model() {
        return builder(numClasses, outputStride, auxiliaryHead).build();
    }

    @Override
    public Loss taskLoss() {
        return new SegmentationLoss();
    }

    @Override
    public TaskOutputs outputs() {
        return new TaskOutputs(auxiliaryHead ? 3 : 2, outputs -> outputs.get(1));
    }

    @Override
    public Evaluator cleanScore() {
        return new MeanIouEvaluator(numClasses);
    }

    @Override
    public Tracker learningRate(float baseRate, long totalSteps, long restartSteps) {
        return new PolyDecay(baseRate, totalSteps);
    }
}
