package org.djmix.tasks.detection;

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
import org.djmix.tasks.training.RunConfig;
import org.djmix.tasks.training.WarmupStepDecay;
import org.djmix.tasks.weights.TorchvisionWeights;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Object detection with {@link FasterRcnn}: the task loss is the sum of the RPN's and the box
 * branch's losses ({@link DetectionLoss}), the consistency term compares the backbone's output (the
 * paper's choice: \(\mathrm{JS}\) over the pyramid's channels at every position of every level),
 * the clean score is VOC mAP@0.5 and the learning rate torchvision's warm-up and ÷10 at 16/26 and
 * 22/26 of the run. The targets travel with the batch to the model, so DJMix runs its views in
 * separate passes.
 *
 * @param modelName one of {@link #MODELS}
 * @param numClasses K object classes (VOC: 20)
 * @param trainableLayers backbone stages that train (torchvision's default 3 with pretrained
 *     weights, 5 without)
 * @param frozenBatchNorm whether the backbone's BatchNorm is frozen (with pretrained weights) or
 *     learns (from scratch), as torchvision chooses
 * @param seed the samplers' seed
 * @param pretrained a torchvision state dict ({@code .npz}) to start from, or null: a whole {@code
 *     fasterrcnn_resnet50_fpn} (its predictor too when its classes match) or an ImageNet {@code
 *     resnet50} (the backbone)
 */
public record DetectionTask(
        String modelName,
        int numClasses,
        int trainableLayers,
        boolean frozenBatchNorm,
        long seed,
        Path pretrained)
        implements Task {

    private static final Logger logger = LoggerFactory.getLogger(DetectionTask.class);

    /** The models: torchvision's Faster R-CNN ResNet-50 FPN, and a small variant for CPU demos. */
    public static final List<String> MODELS =
            List.of("fasterrcnn-resnet50-fpn", "fasterrcnn-small");

    /** The task option (in a run's config) holding the trainable backbone stages. */
    public static final String TRAINABLE_LAYERS = "trainableLayers";

    /** The task options (in a run's config) holding the resize's sides. */
    public static final String MIN_SIZE = "minSize";

    /** The task option holding the longer side's bound. */
    public static final String MAX_SIZE = "maxSize";

    /** The task option telling whether the backbone's BatchNorm is frozen. */
    public static final String FROZEN_BATCH_NORM = "frozenBatchNorm";

    /** The task option holding the object classes' names, comma-separated. */
    public static final String CLASS_NAMES = "classNames";

    private static final long WARMUP_STEPS = 1000;

    /**
     * Checks the values.
     *
     * @param modelName one of {@link #MODELS}
     * @param numClasses &gt; 0
     * @param trainableLayers 0..5
     * @param frozenBatchNorm any
     * @param seed any
     * @param pretrained a state dict or null
     */
    public DetectionTask {
        if (!MODELS.contains(modelName)) {
            throw new IllegalArgumentException(
                    "unknown detection model '" + modelName + "'; expected one of " + MODELS);
        }
        builder(modelName, numClasses, trainableLayers, frozenBatchNorm, seed).build();
    }

    private static FasterRcnn.Builder builder(
            String name, int classes, int trainable, boolean frozen, long seed) {
        FasterRcnn.Builder builder =
                FasterRcnn.builder()
                        .setNumClasses(classes)
                        .optTrainableLayers(trainable)
                        .optSeed(seed);
        if (!frozen) {
            builder.optTrainableBatchNorm();
        }
        return name.equals("fasterrcnn-small") ? builder.optSmallBackbone() : builder;
    }

    /**
     * Rebuilds a run's task from its config.
     *
     * @param config the run's config
     * @param run the run directory, for messages
     * @return the task
     * @throws IOException naming the config file if a task option is missing
     */
    public static DetectionTask of(RunConfig config, Path run) throws IOException {
        return new DetectionTask(
                config.model(),
                config.numClasses(),
                Integer.parseInt(option(config, run, TRAINABLE_LAYERS)),
                Boolean.parseBoolean(option(config, run, FROZEN_BATCH_NORM)),
                config.seed(),
                null);
    }

    /**
     * Reads the resize a run was trained with.
     *
     * @param config the run's config
     * @param run the run directory, for messages
     * @return the test-time transform (no flip)
     * @throws IOException naming the config file if an option is missing
     */
    public static DetectionTransform transform(RunConfig config, Path run) throws IOException {
        return new DetectionTransform(
                Integer.parseInt(option(config, run, MIN_SIZE)),
                Integer.parseInt(option(config, run, MAX_SIZE)),
                false);
    }

    private static String option(RunConfig config, Path run, String name) throws IOException {
        String value = config.options().get(name);
        if (value == null) {
            throw new IOException(
                    run.resolve(RunConfig.FILE)
                            + " has no task option '"
                            + name
                            + "' (every detection run records it)");
        }
        return value;
    }

    /**
     * Reads the object classes' names a run was trained on.
     *
     * @param config the run's config
     * @param run the run directory, for messages
     * @return K names
     * @throws IOException naming the config file if the option is missing
     */
    public static List<String> classNames(RunConfig config, Path run) throws IOException {
        return List.of(option(config, run, CLASS_NAMES).split(","));
    }

    /**
     * Returns the settings a run records to rebuild this task, its transform and its class names.
     *
     * @param transform the resize the run uses
     * @param classNames the K object classes' names (without commas)
     * @return trainable layers, min and max side, class names
     */
    public Map<String, String> options(DetectionTransform transform, List<String> classNames) {
        if (classNames.size() != numClasses || classNames.stream().anyMatch(n -> n.contains(","))) {
            throw new IllegalArgumentException(
                    "need " + numClasses + " class names without commas, got " + classNames);
        }
        return Map.of(
                TRAINABLE_LAYERS,
                Integer.toString(trainableLayers),
                FROZEN_BATCH_NORM,
                Boolean.toString(frozenBatchNorm),
                MIN_SIZE,
                Integer.toString(transform.minSize()),
                MAX_SIZE,
                Integer.toString(transform.maxSize()),
                CLASS_NAMES,
                String.join(",", classNames));
    }

    @Override
    public Block model() {
        return builder(modelName, numClasses, trainableLayers, frozenBatchNorm, seed).build();
    }

    @Override
    public Loss taskLoss() {
        return new DetectionLoss();
    }

    @Override
    public TaskOutputs outputs() {
        return new TaskOutputs(
                FasterRcnn.OUTPUTS, outputs -> outputs.get(FasterRcnn.BACKBONE_OUTPUT));
    }

    @Override
    public Evaluator cleanScore() {
        return new MeanAveragePrecisionEvaluator(numClasses);
    }

    @Override
    public Tracker learningRate(
            float baseRate, long totalSteps, long restartSteps, long stepsPerEpoch) {
        return new WarmupStepDecay(
                baseRate, totalSteps, Math.min(WARMUP_STEPS, Math.max(1, totalSteps / 26)));
    }

    @Override
    public void loadPretrained(Block model) throws IOException {
        if (pretrained == null) {
            return;
        }
        Map<String, NpzFile.Array> state = NpzFile.read(pretrained);
        FasterRcnn detector = (FasterRcnn) model;
        try {
            if (state.containsKey("backbone.body.conv1.weight")) {
                NpzFile.Array predictor = state.get("roi_heads.box_predictor.cls_score.weight");
                if (predictor != null && predictor.shape()[0] == numClasses + 1) {
                    TorchvisionWeights.load(model, state, "", name -> false);
                } else {
                    TorchvisionWeights.load(
                            detector.getBackbone(), state, "backbone.body.", n -> false);
                    TorchvisionWeights.load(
                            detector.getPyramid(), state, "backbone.fpn.", n -> false);
                    TorchvisionWeights.load(detector.getRpnHead(), state, "rpn.head.", n -> false);
                    TorchvisionWeights.load(
                            detector.getBoxHead(), state, "roi_heads.box_head.", n -> false);
                    logger.info("{}: all but the predictor loaded (other classes)", pretrained);
                }
            } else if (state.containsKey("conv1.weight")) {
                TorchvisionWeights.load(
                        detector.getBackbone(), state, "", name -> name.startsWith("fc."));
            } else {
                throw new IOException(
                        pretrained
                                + " is neither a torchvision ResNet-50 nor a Faster R-CNN state dict"
                                + " (no conv1.weight, no backbone.body.conv1.weight)");
            }
        } catch (IllegalArgumentException e) {
            throw new IOException(pretrained + ": " + e.getMessage(), e);
        }
    }
}
