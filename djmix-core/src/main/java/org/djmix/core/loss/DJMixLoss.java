package org.djmix.core.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;
import org.djmix.core.TaskOutputs;
import org.djmix.core.nn.Scalars;

/**
 * DJMix's objective \(\ell(f(\tilde{x}), y) + \gamma\, d(f(\tilde{x}), f(x))\) (\(\gamma = 1\),
 * \(d\) = Jensen–Shannon), in general a task loss on one of \(k\) views plus \(\gamma\) times a
 * consistency divergence over all of them (AugMix: task loss on the clean view, 3-way JS, \(\gamma
 * = 12\)).
 *
 * <p>{@code predictions} is what {@link org.djmix.core.DJMixBlock} returns: in training \(k\cdot
 * m\) arrays, view-major, for a model with \(m\) outputs; in validation (the block is then just
 * \(f\)) \(m\) arrays, and only the task loss is computed. {@code labels} go to the task loss
 * unchanged.
 */
public class DJMixLoss extends Loss {

    private final Loss taskLoss;
    private final ConsistencyLoss consistency;
    private final float gamma;
    private final int views;
    private final int taskView;
    private final TaskOutputs outputs;

    private DJMixLoss(Builder builder) {
        super(builder.name);
        this.taskLoss = builder.taskLoss;
        this.consistency = builder.consistency;
        this.gamma = builder.gamma;
        this.views = builder.views;
        this.taskView = builder.taskView;
        this.outputs = builder.outputs;
    }

    /**
     * Returns a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        int m = outputs.perView();
        if (predictions.size() == m) {
            return taskLoss.evaluate(labels, predictions);
        }
        if (predictions.size() != views * m) {
            throw new IllegalArgumentException(
                    getName()
                            + " expects "
                            + views * m
                            + " predictions in training ("
                            + views
                            + " views x "
                            + m
                            + " outputs) or "
                            + m
                            + " in validation, got "
                            + predictions.size());
        }
        NDList logits = new NDList(views);
        for (int v = 0; v < views; v++) {
            logits.add(
                    outputs.consistencyInput().select(predictions.subNDList(v * m, (v + 1) * m)));
        }
        NDArray task =
                taskLoss.evaluate(labels, predictions.subNDList(taskView * m, (taskView + 1) * m));
        return task.add(Scalars.mul(consistency.evaluate(labels, logits), gamma));
    }

    /** Builds a {@link DJMixLoss}; only the task loss is required. */
    public static final class Builder {

        private String name = "DJMixLoss";
        private Loss taskLoss;
        private ConsistencyLoss consistency = new JensenShannonLoss();
        private float gamma = 1f;
        private int views = 2;
        private int taskView;
        private TaskOutputs outputs = TaskOutputs.classification();

        Builder() {}

        /**
         * Sets the task loss \(\ell\).
         *
         * @param taskLoss e.g. {@code Loss.softmaxCrossEntropyLoss()}
         * @return this builder
         */
        public Builder setTaskLoss(Loss taskLoss) {
            this.taskLoss = taskLoss;
            return this;
        }

        /**
         * Sets the divergence \(d\) (default Jensen–Shannon).
         *
         * @param consistency the divergence
         * @return this builder
         */
        public Builder optConsistency(ConsistencyLoss consistency) {
            this.consistency = consistency;
            return this;
        }

        /**
         * Sets the weight \(\gamma\) (default 1).
         *
         * @param gamma \(\gamma \ge 0\)
         * @return this builder
         */
        public Builder optGamma(float gamma) {
            this.gamma = gamma;
            return this;
        }

        /**
         * Sets the number of views \(k\) (default 2).
         *
         * @param views \(k \ge 2\)
         * @return this builder
         */
        public Builder optViews(int views) {
            this.views = views;
            return this;
        }

        /**
         * Sets which view the task loss sees (default 0, \(\tilde{x}\); 1 is the clean \(x\) of
         * ablation (b)).
         *
         * @param taskView the view index
         * @return this builder
         */
        public Builder optTaskView(int taskView) {
            this.taskView = taskView;
            return this;
        }

        /**
         * Sets what the model returns per view and which output the divergence compares (default:
         * one logits array).
         *
         * @param outputs the task's outputs
         * @return this builder
         */
        public Builder optTaskOutputs(TaskOutputs outputs) {
            this.outputs = outputs;
            return this;
        }

        /**
         * Sets the name shown in logs (default {@code DJMixLoss}).
         *
         * @param name the name
         * @return this builder
         */
        public Builder optName(String name) {
            this.name = name;
            return this;
        }

        /**
         * Builds the loss.
         *
         * @return the loss
         */
        public DJMixLoss build() {
            if (taskLoss == null) {
                throw new IllegalArgumentException("taskLoss must be set (setTaskLoss)");
            }
            if (!(gamma >= 0) || Float.isInfinite(gamma)) {
                throw new IllegalArgumentException("gamma must be finite and >= 0, got " + gamma);
            }
            if (views < 2) {
                throw new IllegalArgumentException("views must be >= 2, got " + views);
            }
            if (taskView < 0 || taskView >= views) {
                throw new IllegalArgumentException(
                        "taskView must be in [0, " + (views - 1) + "], got " + taskView);
            }
            return new DJMixLoss(this);
        }
    }
}
