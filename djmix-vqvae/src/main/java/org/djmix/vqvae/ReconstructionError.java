package org.djmix.vqvae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.evaluator.Evaluator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The reconstruction error of pre-training, \(\frac{1}{n}\sum (\mathrm{clip}(g(x), 0, 1) - x)^2\)
 * over every pixel seen, for images in [0, 1]. Reads the images from the labels' first array and
 * the reconstruction from the predictions' first array.
 */
public final class ReconstructionError extends Evaluator {

    /** The evaluator's name. */
    public static final String NAME = "ReconstructionMSE";

    private final Map<String, double[]> sums = new ConcurrentHashMap<>();

    /** Creates the evaluator. */
    public ReconstructionError() {
        super(NAME);
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        return squaredError(labels, predictions).div(labels.head().size());
    }

    private static NDArray squaredError(NDList labels, NDList predictions) {
        return predictions.head().clip(0f, 1f).sub(labels.head()).square().sum();
    }

    @Override
    public void addAccumulator(String key) {
        sums.put(key, new double[2]);
    }

    @Override
    public void updateAccumulators(String[] keys, NDList labels, NDList predictions) {
        double squared = squaredError(labels, predictions).getFloat();
        long pixels = labels.head().size();
        for (String key : keys) {
            double[] sum = sums.get(key);
            sum[0] += squared;
            sum[1] += pixels;
        }
    }

    @Override
    public void updateAccumulator(String key, NDList labels, NDList predictions) {
        updateAccumulators(new String[] {key}, labels, predictions);
    }

    @Override
    public void resetAccumulator(String key) {
        sums.put(key, new double[2]);
    }

    @Override
    public float getAccumulator(String key) {
        double[] sum = sums.get(key);
        return (float) (sum[0] / sum[1]);
    }
}
