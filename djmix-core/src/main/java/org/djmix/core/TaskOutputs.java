package org.djmix.core;

/**
 * What a task tells a method about its model's outputs: how many arrays \(f\) returns per view, and
 * which of them the consistency term \(d(f(\tilde{x}), f(x))\) compares (classification logits,
 * segmentation logits before upsampling, a detector's backbone logits).
 *
 * @param perView how many outputs \(m \ge 1\) the model returns for one view
 * @param consistencyInput which of them the divergence compares
 */
public record TaskOutputs(int perView, ConsistencyInput consistencyInput) {

    /**
     * Checks the values.
     *
     * @param perView how many outputs the model returns for one view
     * @param consistencyInput which of them the divergence compares
     */
    public TaskOutputs {
        if (perView < 1) {
            throw new IllegalArgumentException("perView must be >= 1, got " + perView);
        }
        if (consistencyInput == null) {
            throw new IllegalArgumentException("consistencyInput must not be null");
        }
    }

    /**
     * Returns the outputs of a classifier: one logits array, compared as it is.
     *
     * @return one output, the first compared
     */
    public static TaskOutputs classification() {
        return new TaskOutputs(1, ConsistencyInput.first());
    }
}
