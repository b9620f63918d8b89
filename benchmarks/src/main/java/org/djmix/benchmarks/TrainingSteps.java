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
        try (NDManager step = inputs.newSubManager()) {
            NDArray x = data.duplicate();
            NDArray y = labels.duplicate();
            x.attach(step);
            y.attach(step);
            float loss;
            try (GradientCollector collector = trainer.newGradientCollector()) {
                NDList predictions = trainer.forward(new NDList(x), new NDList(y));
                NDArray value = trainer.getLoss().evaluate(new NDList(y), predictions);
                collector.backward(value);
                loss = value.getFloat();
            }
            trainer.step();
            return loss;
        }
    }
}
