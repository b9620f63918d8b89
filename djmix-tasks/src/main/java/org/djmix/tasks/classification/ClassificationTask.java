package org.djmix.tasks.classification;

import ai.djl.nn.Block;
import ai.djl.training.loss.Loss;
import org.djmix.core.TaskOutputs;
import org.djmix.tasks.task.Task;

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
}
