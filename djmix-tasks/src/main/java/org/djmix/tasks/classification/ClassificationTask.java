package org.djmix.tasks.classification;

import ai.djl.nn.Block;
import ai.djl.training.evaluator.Accuracy;
import ai.djl.training.evaluator.Evaluator;
import ai.djl.training.loss.Loss;
import ai.djl.training.tracker.Tracker;
import org.djmix.core.TaskOutputs;
import org.djmix.tasks.data.BaseAugmentation;
import org.djmix.tasks.data.ImageDataset;
import org.djmix.tasks.task.Task;
import org.djmix.tasks.training.CosineWarmRestarts;
import org.djmix.tasks.training.TrainingData;

/**
 * Image classification: a network of {@link ClassificationModels}, softmax cross-entropy on the
 * class labels, and the logits as the consistency term's input.
 *
 * @param modelName the network's name
 * @param numClasses the number of classes
 */
public record ClassificationTask(String modelName, int numClasses) implements Task {

    /**
     * Checks the name and the class count.
     *
     * @param modelName one of {@link ClassificationModels#NAMES}
     * @param numClasses &gt; 0
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
        return Loss.softmaxCrossEntropyLoss();
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
    public Tracker learningRate(float baseRate, long totalSteps, long restartSteps) {
        return new CosineWarmRestarts(
                baseRate, 0f, Math.max(1, restartSteps > 0 ? restartSteps : totalSteps), 1);
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
