package org.djmix.tasks.segmentation;

import ai.djl.nn.Block;
import ai.djl.training.evaluator.Evaluator;
import ai.djl.training.loss.Loss;
import ai.djl.training.tracker.Tracker;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.djmix.core.TaskOutputs;
import org.djmix.io.NpzFile;
import org.djmix.tasks.task.Task;
import org.djmix.tasks.training.PolyDecay;
import org.djmix.tasks.training.RunConfig;
import org.djmix.tasks.weights.TorchvisionWeights;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * @param pretrained a torchvision state dict ({@code .npz}) to start from, or null: a whole {@code
 *     deeplabv3_resnet50} (its heads too when their classes and auxiliary head match) or an
 *     ImageNet {@code resnet50} (the backbone; the heads start at random)
 */
public record SegmentationTask(
        String modelName, int numClasses, int outputStride, boolean auxiliaryHead, Path pretrained)
        implements Task {

    private static final Logger logger = LoggerFactory.getLogger(SegmentationTask.class);

    /** The models: torchvision's DeepLab-v3 ResNet-50, and its small variant for CPU demos. */
    public static final List<String> MODELS = List.of("deeplabv3-resnet50", "deeplabv3-small");

    /** The task option (in a run's config) holding the output stride. */
    public static final String OUTPUT_STRIDE = "outputStride";

    /** The task option (in a run's config) telling whether there is an auxiliary head. */
    public static final String AUXILIARY_HEAD = "auxiliaryHead";

    /**
     * Checks the values.
     *
     * @param modelName one of {@link #MODELS}
     * @param numClasses &gt; 0
     * @param outputStride 8 or 16
     * @param auxiliaryHead whether to add the auxiliary head
     * @param pretrained a state dict to start from, or null
     */
    public SegmentationTask {
        if (!MODELS.contains(modelName)) {
            throw new IllegalArgumentException(
                    "unknown segmentation model '" + modelName + "'; expected one of " + MODELS);
        }
        builder(modelName, numClasses, outputStride, auxiliaryHead).validate();
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

    /**
     * Rebuilds a run's task from its config (without pretrained weights: the run's own parameters
     * follow).
     *
     * @param config the run's config
     * @param run the run directory, for messages
     * @return the task
     * @throws IOException naming the config file if a task option is missing
     */
    public static SegmentationTask of(RunConfig config, Path run) throws IOException {
        Map<String, String> options = config.options();
        for (String option : List.of(OUTPUT_STRIDE, AUXILIARY_HEAD)) {
            if (!options.containsKey(option)) {
                throw new IOException(
                        run.resolve(RunConfig.FILE)
                                + " has no task option '"
                                + option
                                + "' (every segmentation run records it)");
            }
        }
        return new SegmentationTask(
                config.model(),
                config.numClasses(),
                Integer.parseInt(options.get(OUTPUT_STRIDE)),
                Boolean.parseBoolean(options.get(AUXILIARY_HEAD)),
                null);
    }

    /**
     * Returns the settings a run records to rebuild this task ({@link RunConfig#taskOptions()}).
     *
     * @return output stride and auxiliary head
     */
    public Map<String, String> options() {
        return Map.of(
                OUTPUT_STRIDE,
                Integer.toString(outputStride),
                AUXILIARY_HEAD,
                Boolean.toString(auxiliaryHead));
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
    public void loadPretrained(Block model) throws IOException {
        if (pretrained != null) {
            loadPretrained(model, NpzFile.read(pretrained));
        }
    }

    /** Loads {@link #pretrained}'s arrays, already read, into the model. */
    void loadPretrained(Block model, Map<String, NpzFile.Array> state) throws IOException {
        DeepLabV3 deepLab = (DeepLabV3) model;
        try {
            if (state.containsKey("backbone.conv1.weight")) {
                NpzFile.Array classifier = state.get("classifier.4.weight");
                boolean headsFit =
                        classifier != null
                                && classifier.shape()[0] == numClasses
                                && state.containsKey("aux_classifier.0.weight") == auxiliaryHead;
                if (headsFit) {
                    TorchvisionWeights.load(model, state, "", name -> false);
                } else {
                    TorchvisionWeights.load(deepLab.getBackbone(), state, "backbone.", n -> false);
                    logger.info(
                            "{}: backbone loaded; the heads start at random (other classes or"
                                    + " auxiliary head)",
                            pretrained);
                }
            } else if (state.containsKey("conv1.weight")) {
                TorchvisionWeights.load(
                        deepLab.getBackbone(), state, "", name -> name.startsWith("fc."));
            } else {
                throw new IOException(
                        pretrained
                                + " is neither a torchvision ResNet-50 nor a DeepLab-v3 state dict"
                                + " (no conv1.weight, no backbone.conv1.weight)");
            }
        } catch (IllegalArgumentException e) {
            throw new IOException(pretrained + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Evaluator cleanScore() {
        return new MeanIouEvaluator(numClasses);
    }

    @Override
    public Tracker learningRate(
            float baseRate, long totalSteps, long restartSteps, long stepsPerEpoch) {
        return new PolyDecay(baseRate, totalSteps);
    }
}
