package org.djmix.tasks.classification;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.evaluator.Accuracy;
import ai.djl.training.evaluator.Evaluator;
import ai.djl.training.loss.Loss;
import ai.djl.training.tracker.Tracker;
import java.util.HashSet;
import java.util.Set;
import org.djmix.core.TaskOutputs;
import org.djmix.tasks.data.BaseAugmentation;
import org.djmix.tasks.data.ImageDataset;
import org.djmix.tasks.task.Task;
import org.djmix.tasks.training.TrainingData;

/**
 * Image classification: a network of {@link ClassificationModels}, softmax cross-entropy on the
 * class labels (smoothed if the recipe says so), and the logits as the consistency term's input;
 * the schedule and weight decay of a {@link ClassificationRecipe}.
 *
 * @param modelName the network's name
 * @param numClasses the number of classes
 * @param recipe the schedule, warm-up, label smoothing and decay of norms
 */
public record ClassificationTask(String modelName, int numClasses, ClassificationRecipe recipe)
        implements Task {

    /**
     * A task with the paper's CIFAR recipe.
     *
     * @param modelName one of {@link ClassificationModels#NAMES}
     * @param numClasses &gt; 0
     */
    public ClassificationTask(String modelName, int numClasses) {
        this(modelName, numClasses, ClassificationRecipe.paper());
    }

    /**
     * Checks the name and the class count.
     *
     * @param modelName one of {@link ClassificationModels#NAMES}
     * @param numClasses &gt; 0
     * @param recipe the recipe
     */
    public ClassificationTask {
        if (!ClassificationModels.NAMES.contains(modelName)) {
            throw new IllegalArgumentException(
                    "unknown model '"
                            + modelName
                            + "'; expected one of "
                            + ClassificationModels.NAMES);
        }
        ModelBlocks.checkClasses(numClasses);
    }

    @Override
    public Block model() {
        return ClassificationModels.create(modelName, numClasses);
    }

    @Override
    public Loss taskLoss() {
        return recipe.labelSmoothing() > 0
                ? new LabelSmoothingLoss(recipe.labelSmoothing())
                : Loss.softmaxCrossEntropyLoss();
    }

    @Override
    public TaskOutputs outputs() {
        return TaskOutputs.classification();
    }

    @Override
    public Evaluator cleanScore() {
        return new Accuracy("Accuracy", 1);
    }

    @Override
    public Tracker learningRate(
            float baseRate, long totalSteps, long restartSteps, long stepsPerEpoch) {
        return recipe.learningRate(baseRate, totalSteps, restartSteps, stepsPerEpoch);
    }

    @Override
    public Set<String> undecayedParameters(Block model) {
        if (recipe.decayNorms()) {
            return Set.of();
        }
        Set<String> ids = new HashSet<>();
        for (Parameter parameter : model.getParameters().values()) {
            Parameter.Type type = parameter.getType();
            if (type == Parameter.Type.BIAS
                    || type == Parameter.Type.GAMMA
                    || type == Parameter.Type.BETA) {
                ids.add(parameter.getId());
            }
        }
        return ids;
    }

    /**
     * The training set of a classification run: the images in the trainer's order, with the paper's
     * base augmentation (flip, 4-pixel padded crop, erasing) seeded by the run.
     *
     * @param images the training images
     * @return the data for {@link org.djmix.tasks.training.TaskTrainer}
     */
    public static TrainingData trainingData(ImageDataset.Builder images) {
        return (sampler, seed) ->
                images.setSampling(sampler)
                        .optAugmentation(new BaseAugmentation(true), seed)
                        .build();
    }
}
