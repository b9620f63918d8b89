package org.djmix.tasks.segmentation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.evaluator.Evaluator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * mIoU as a DJL {@link Evaluator}: each batch's predicted classes (the arg-max of the first output,
 * {@link DeepLabV3}'s upsampled logits) and masks go into a {@link ConfusionMatrix} per accumulator
 * key, so the epoch's value is the mIoU of all its pixels (not a mean of per-batch values).
 */
public class MeanIouEvaluator extends Evaluator {

    /** The evaluator's name, as listeners report it ({@code validate_MeanIoU}). */
    public static final String NAME = "MeanIoU";

    private final int classes;
    private final Map<String, ConfusionMatrix> matrices = new ConcurrentHashMap<>();

    /**
     * Creates the evaluator.
     *
     * @param classes K, background included
     */
    public MeanIouEvaluator(int classes) {
        super(NAME);
        this.classes = classes;
    }

    /**
     * Counts one batch.
     *
     * @param labels (N, H, W) masks
     * @param predictions the model's outputs, logits (N, K, H, W) first
     * @return the batch's confusion matrix
     */
    public ConfusionMatrix confusion(NDList labels, NDList predictions) {
        int[] predicted = predictions.head().argMax(1).toType(DataType.INT32, false).toIntArray();
        int[] truth = labels.head().toType(DataType.INT32, false).toIntArray();
        ConfusionMatrix matrix = new ConfusionMatrix(classes);
        matrix.add(truth, predicted);
        return matrix;
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        return labels.head().getManager().create((float) confusion(labels, predictions).meanIou());
    }

    @Override
    public void addAccumulator(String key) {
        matrices.put(key, new ConfusionMatrix(classes));
    }

    @Override
    public void updateAccumulator(String key, NDList labels, NDList predictions) {
        ConfusionMatrix batch = confusion(labels, predictions);
        matrices.get(key).add(batch);
    }

    @Override
    public void resetAccumulator(String key) {
        matrices.put(key, new ConfusionMatrix(classes));
    }

    @Override
    public float getAccumulator(String key) {
        ConfusionMatrix matrix = matrices.get(key);
        if (matrix == null) {
            throw new IllegalArgumentException("no accumulator for key '" + key + "'");
        }
        double value = matrix.meanIou();
        return Double.isNaN(value) ? 0f : (float) value;
    }
}
