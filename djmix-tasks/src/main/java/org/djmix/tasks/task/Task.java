package org.djmix.tasks.task;

import ai.djl.nn.Block;
import ai.djl.training.loss.Loss;
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
}
