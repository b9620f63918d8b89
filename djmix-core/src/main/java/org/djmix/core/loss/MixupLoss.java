package org.djmix.core.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.loss.Loss;
import org.djmix.core.TaskOutputs;
import org.djmix.core.nn.Scalars;

/**
 * mixup's loss (Zhang et al. 2018): \(\lambda\,\ell(f(x_{mix}), y) + (1-\lambda)\,\ell(f(x_{mix}),
 * y_{\pi})\) for \(x_{mix} = \lambda x + (1-\lambda) x_{\pi}\).
 *
 * <p>{@code predictions} is what {@link org.djmix.core.method.MixupBlock} returns: in training the
 * model's \(m\) outputs, then \(\lambda\) (a scalar) and the permutation \(\pi\) (int64, length N);
 * in validation the \(m\) outputs alone, and the task loss is computed unchanged.
 */
public class MixupLoss extends Loss {

    private final Loss taskLoss;
    private final int outputsPerView;

    /**
     * Creates the loss.
     *
     * @param taskLoss the task loss \(\ell\)
     * @param outputs what the model returns
     */
    public MixupLoss(Loss taskLoss, TaskOutputs outputs) {
        super("MixupLoss");
        this.taskLoss = taskLoss;
        this.outputsPerView = outputs.perView();
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        int m = outputsPerView;
        if (predictions.size() == m) {
            return taskLoss.evaluate(labels, predictions);
        }
        if (predictions.size() != m + 2) {
            throw new IllegalArgumentException(
                    "MixupLoss expects "
                            + (m + 2)
                            + " predictions in training (outputs, lambda, permutation) or "
                            + m
                            + " in validation, got "
                            + predictions.size());
        }
        NDList outputs = predictions.subNDList(0, m);
        float lambda = predictions.get(m).getFloat();
        NDArray permutation = predictions.get(m + 1);
        NDList permuted = new NDList(labels.size());
        for (NDArray label : labels) {
            permuted.add(label.get(new NDIndex("{}", permutation)));
        }
        return Scalars.mul(taskLoss.evaluate(labels, outputs), lambda)
                .add(Scalars.mul(taskLoss.evaluate(permuted, outputs), 1 - lambda));
    }
}
