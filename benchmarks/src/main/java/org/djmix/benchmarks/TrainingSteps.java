package org.djmix.benchmarks;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import org.djmix.core.Discretizer;
import org.djmix.core.method.Method;
import org.djmix.core.method.MethodOptions;
import org.djmix.core.method.Methods;
import org.djmix.tasks.task.Task;

/** One training step on a fixed batch, as every step benchmark times it. */
final class TrainingSteps {

    private TrainingSteps() {}

    /**
     * Runs forward, loss, backward and the optimiser's update on copies of a batch.
     *
     * @param trainer the trainer
     * @param inputs the manager that owns the batch (the copies live in a sub-manager of it)
     * @param data the input
     * @param labels the labels (the images themselves for an autoencoder)
     * @return the step's loss (read back, which also waits for an asynchronous device)
     */
    /**
     * Builds the trainer of a dense task's step benchmark: the method's block around the task's
     * model, the method's loss around the task's, SGD (momentum 0.9, weight decay 1e-4).
     *
     * @param model the model to hold the block
     * @param task the task
     * @param method the method's name
     * @param discretizer g (identity for methods without one)
     * @param separatePasses whether the views go through f one by one
     * @param learningRate the fixed learning rate (0: every step does the same arithmetic on the
     *     same weights, for networks whose random weights would diverge)
     * @return the trainer, not yet initialised
     */
    static Trainer denseTaskTrainer(
            Model model,
            Task task,
            String method,
            Discretizer discretizer,
            boolean separatePasses,
            float learningRate) {
        Method training =
                Methods.create(
                        method,
                        MethodOptions.builder()
                                .setDiscretizer(discretizer)
                                .optTaskOutputs(task.outputs())
                                .optGeometricOps(false)
                                .optSeparatePasses(separatePasses)
                                .optSeed(1)
                                .build());
        model.setBlock(training.trainingBlock(task.model()));
        return model.newTrainer(
                new DefaultTrainingConfig(training.trainingLoss(task.taskLoss()))
                        .optOptimizer(
                                Optimizer.sgd()
                                        .setLearningRateTracker(Tracker.fixed(learningRate))
                                        .optMomentum(0.9f)
                                        .optWeightDecays(1e-4f)
                                        .build()));
    }

    static float run(Trainer trainer, NDManager inputs, NDArray data, NDArray labels) {
        return run(trainer, inputs, new NDList(data), new NDList(labels));
    }

    /**
     * Runs forward, loss, backward and the optimiser's update on copies of a batch of several
     * arrays (a detector's images and sizes, boxes and classes).
     *
     * @param trainer the trainer
     * @param inputs the manager that owns the batch (the copies live in a sub-manager of it)
     * @param data the inputs
     * @param labels the labels
     * @return the step's loss (read back, which also waits for an asynchronous device)
     */
    static float run(Trainer trainer, NDManager inputs, NDList data, NDList labels) {
        try (NDManager step = inputs.newSubManager()) {
            NDList x = copies(data, step);
            NDList y = copies(labels, step);
            float loss;
            try (GradientCollector collector = trainer.newGradientCollector()) {
                NDList predictions = trainer.forward(x, y);
                NDArray value = trainer.getLoss().evaluate(y, predictions);
                collector.backward(value);
                loss = value.getFloat();
            }
            trainer.step();
            return loss;
        }
    }

    private static NDList copies(NDList arrays, NDManager manager) {
        NDList copies = new NDList(arrays.size());
        for (NDArray array : arrays) {
            NDArray copy = array.duplicate();
            copy.attach(manager);
            copies.add(copy);
        }
        return copies;
    }
}
