package org.djmix.vqvae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.evaluator.Evaluator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

/**
 * How a VQ-VAE uses its codebook, from the histogram of the codes it chose (its third output):
 * {@link #perplexity()} \(\exp(-\sum_k p_k \log p_k)\) or {@link #codesInUse()}.
 */
public final class CodeUsage extends Evaluator {

    /** The name of {@link #perplexity()}. */
    public static final String PERPLEXITY = "CodePerplexity";

    /** The name of {@link #codesInUse()}. */
    public static final String CODES_IN_USE = "CodesInUse";

    private final ToDoubleFunction<CodeHistogram> statistic;
    private final Map<String, CodeHistogram> histograms = new ConcurrentHashMap<>();

    private CodeUsage(String name, ToDoubleFunction<CodeHistogram> statistic) {
        super(name);
        this.statistic = statistic;
    }

    /**
     * Returns the perplexity of the codes chosen.
     *
     * @return the evaluator
     */
    public static CodeUsage perplexity() {
        return new CodeUsage(PERPLEXITY, CodeHistogram::perplexity);
    }

    /**
     * Returns the number of distinct codes chosen.
     *
     * @return the evaluator
     */
    public static CodeUsage codesInUse() {
        return new CodeUsage(CODES_IN_USE, CodeHistogram::used);
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        CodeHistogram histogram = new CodeHistogram();
        NDArray codes = predictions.get(2);
        histogram.add(codes.toLongArray());
        return codes.getManager().create((float) statistic.applyAsDouble(histogram));
    }

    @Override
    public void addAccumulator(String key) {
        histograms.put(key, new CodeHistogram());
    }

    @Override
    public void updateAccumulators(String[] keys, NDList labels, NDList predictions) {
        long[] codes = predictions.get(2).toLongArray();
        for (String key : keys) {
            histograms.get(key).add(codes);
        }
    }

    @Override
    public void updateAccumulator(String key, NDList labels, NDList predictions) {
        updateAccumulators(new String[] {key}, labels, predictions);
    }

    @Override
    public void resetAccumulator(String key) {
        histograms.put(key, new CodeHistogram());
    }

    @Override
    public float getAccumulator(String key) {
        return (float) statistic.applyAsDouble(histograms.get(key));
    }
}
