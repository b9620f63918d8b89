package org.djmix.tasks.task;

import ai.djl.nn.Block;
import ai.djl.training.evaluator.Evaluator;
import ai.djl.training.loss.Loss;
import ai.djl.training.tracker.Tracker;
import java.io.IOException;
import java.util.Set;
import org.djmix.core.TaskOutputs;

/**
 * What a task tells a training method (docs/design.md, "One DJMix training step"): the model \(f\),
 * the task loss \(\ell(f(\tilde{x}), y)\) and which of \(f\)'s outputs the consistency term
 * compares. Methods never look inside a task; classification, segmentation and detection each
 * implement this.
 *
 * <p>The architecture sketch has {@code NDArray consistencyLogits(NDList f)}; the core's methods
 * take the same choice as data ({@link TaskOutputs}: outputs per view and which one JS compares),
 * so a task states it once instead of being called back inside the loss (docs/design.md).
 */
public interface Task {

    /**
     * Builds a fresh, uninitialised model f.
     *
     * @return the model
     */
    Block model();

    /**
     * Returns the task loss \(\ell\).
     *
     * @return the loss, reading the task's labels and f's outputs
     */
    Loss taskLoss();

    /**
     * Says which outputs the consistency term compares.
     *
     * @return the outputs' description
     */
    TaskOutputs outputs();

    /**
     * Returns the clean validation score, higher is better, in [0, 1]: the trainer records \(1 - \)
     * score as each epoch's clean test error (classification: accuracy; segmentation: mIoU).
     *
     * @return a fresh evaluator of the model's validation outputs
     */
    Evaluator cleanScore();

    /**
     * Returns the learning rate along training, by update (the paper's recipe per task:
     * classification cosine annealing with warm restarts, segmentation poly decay).
     *
     * @param baseRate the initial learning rate
     * @param totalSteps the updates of the whole run
     * @param restartSteps updates per cosine cycle when the recipe restarts, else 0
     * @param stepsPerEpoch updates per epoch (for warm-ups given in epochs)
     * @return the schedule
     */
    Tracker learningRate(float baseRate, long totalSteps, long restartSteps, long stepsPerEpoch);

    /**
     * Names the parameters weight decay leaves alone (by default none; a classification recipe may
     * exempt BatchNorm's scales and shifts and the biases).
     *
     * @param model f, as {@link #model()} built it
     * @return the parameters' ids
     */
    default Set<String> undecayedParameters(Block model) {
        return Set.of();
    }

    /**
     * Loads pre-trained weights into a freshly initialised model before the first epoch (not on
     * resume); by default there are none.
     *
     * @param model f, initialised
     * @throws IOException if the weights cannot be read or do not fit
     */
    default void loadPretrained(Block model) throws IOException {}
}
