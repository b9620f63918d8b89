package org.djmix.tasks.segmentation;

import ai.djl.nn.Block;
import ai.djl.training.evaluator.Evaluator;
import ai.djl.training.loss.Loss;
import ai.djl.training.tracker.Tracker;
import java.util.List;
import org.djmix.core.TaskOutputs;
import org.djmix.tasks.task.Task;
import org.djmix.tasks.training.PolyDecay;

/**
 * Semantic segmentation with {@link DeepLabV3}: the per-pixel {@link SegmentationLoss} on the
 * upsampled logits (plus the auxiliary head's, weight 0.5), and the head's logits before upsampling
 * as the consistency term's input (the paper's choice: the divergence is averaged over the h×w
 * positions of the output-stride grid, not over interpolated pixels).
 *
 * @param modelName one of {@link #MODELS}
 * @param numClasses K, background included (PASCAL VOC: 21)
 * @param outputStride 8 or 16
 * @param auxiliaryHead whether the model has torchvision's auxiliary FCN head
 */
public record SegmentationTask(
        String modelName, int numClasses, int outputStride, boolean auxiliaryHead) implements Task {

    /** The models: torchvision's DeepLab-v3 ResNet-50, and its small variant for CPU demos. */
    public static final List<String> MODELS = List.of("deeplabv3-resnet50", "deeplabv3-small");

    /**
     * Checks the values.
     *
     * @param modelName one of {@link #MODELS}
     * @param numClasses &gt; 0
     * @param outputStride 8 or 16
     * @param auxiliaryHead whether to add the auxiliary head
     */
    public SegmentationTask {
        if (!MODELS.contains(modelName)) {
            throw new IllegalArgumentException(
                    "unknown segmentation model '" + modelName + "'; expected one of " + MODELS);
        }
        builder(modelName, numClasses, outputStride, auxiliaryHead).build();
    }

    private static DeepLabV3.Builder builder(
            String name, int classes, int stride, boolean auxiliary) {
        DeepLabV3.Builder builder =
                DeepLabV3.builder()
                        .setNumClasses(classes)
                        .optOutputStride(stride)
                        .optAuxiliaryHead(auxiliary);
        return name.equals("deeplabv3-small") ? builder.optSmallBackbone() : builder;
    }

    @Override
    public Block model() {
        return builder(modelName, numClasses, outputStride, auxiliaryHead).build();
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
