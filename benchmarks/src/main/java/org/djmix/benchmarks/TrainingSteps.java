package org.djmix.benchmarks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;

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
