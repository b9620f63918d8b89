package org.djmix.tasks.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.djmix.corruptions.Corruption;

/**
 * One model's robustness: its {@link Metric} (error rate or mIoU) on the clean test set and per
 * corruption and severity, with the usual summaries (all in [0, 1]).
 *
 * @param model the model's name (its run directory)
 * @param metric what the values measure
 * @param clean the value on the clean test set
 * @param values per corruption id, the value at each evaluated severity (in order)
 * @param severities the severities evaluated
 * @param mistakes which images the model got wrong (what paired comparisons need), or null for a
 *     report of figures alone
 */
public record RobustnessReport(
        String model,
        Metric metric,
        double clean,
        Map<String, double[]> values,
        List<Integer> severities,
        ImageMistakes mistakes) {

    /**
     * A report of figures alone, without per-image outcomes.
     *
     * @param model the model's name
     * @param metric what the values measure
     * @param clean the value on the clean test set
     * @param values per corruption id, the value at each severity
     * @param severities the severities evaluated
     */
    public RobustnessReport(
            String model,
            Metric metric,
            double clean,
            Map<String, double[]> values,
            List<Integer> severities) {
        this(model, metric, clean, values, severities, null);
    }

    /**
     * Compares this model with another on the same images (this − other, paired bootstrap).
     *
     * @param other the other model's report, on the same test images
     * @param corruptions the corruptions to average, or an empty list for the clean error
     * @return the difference of (mean corrupted or clean) error with its 95 % interval
     * @throws IllegalStateException if either report has no per-image outcomes
     */
    public PairedBootstrap.Difference minus(RobustnessReport other, List<String> corruptions) {
        if (mistakes == null || other.mistakes == null) {
            throw new IllegalStateException(
                    "comparing "
                            + model
                            + " with "
                            + other.model
                            + " needs per-image outcomes, which a report of figures lacks");
        }
        if (corruptions.isEmpty()) {
            return PairedBootstrap.difference(
                    mistakes.cleanPerImage(), other.mistakes.cleanPerImage(), 1, 0);
        }
        return PairedBootstrap.difference(
                mistakes.countPerImage(corruptions),
                other.mistakes.countPerImage(corruptions),
                mistakes.blocks(corruptions),
                0);
    }

    /**
     * Returns a corruption's mean value over the severities.
     *
     * @param corruption the corruption's id
     * @return the mean
     */
    public double mean(String corruption) {
        double sum = 0;
        for (double e : values.get(corruption)) {
            sum += e;
        }
        return sum / values.get(corruption).length;
    }

    /**
     * Returns the mean corrupted value over the given corruptions (all severities).
     *
     * @param corruptions the ids to average (e.g. all 15, or a subset)
     * @return the mean
     */
    public double meanCorrupted(List<String> corruptions) {
        double sum = 0;
        for (String c : corruptions) {
            sum += mean(c);
        }
        return sum / corruptions.size();
    }

    /**
     * Returns the mean corrupted value over every corruption evaluated.
     *
     * @return the mean
     */
    public double meanCorrupted() {
        return meanCorrupted(List.copyOf(values.keySet()));
    }

    /**
     * Returns the corruption errors normalised by AlexNet's, CE_c (ImageNet-C; only for the 15
     * benchmark corruptions at all 5 severities).
     *
     * @return CE per corruption id; empty unless the metric is {@link Metric#ERROR}
     */
    public Map<String, Double> corruptionErrors() {
        Map<String, Double> ce = new LinkedHashMap<>();
        if (metric != Metric.ERROR) {
            return ce;
        }
        for (String id : values.keySet()) {
            Double alexnet = AlexNetErrors.MEAN.get(Corruption.fromId(id));
            if (alexnet != null) {
                ce.put(id, mean(id) / alexnet);
            }
        }
        return ce;
    }

    /**
     * Returns the mean corruption error, the mean of {@link #corruptionErrors()}.
     *
     * @return mCE
     */
    public double meanCorruptionError() {
        return corruptionErrors().values().stream()
                .mapToDouble(Double::doubleValue)
                .average()
                .orElse(Double.NaN);
    }

    /**
     * Returns the relative mCE: the mean over corruptions of \(\sum_s (E_{c,s} - E_{clean}) /
     * \sum_s (E^{AlexNet}_{c,s} - E^{AlexNet}_{clean})\).
     *
     * @return relative mCE
     */
    public double relativeMeanCorruptionError() {
        double sum = 0;
        int count = 0;
        for (String id : values.keySet()) {
            Double alexnet = AlexNetErrors.MEAN.get(Corruption.fromId(id));
            if (alexnet != null) {
                sum += (mean(id) - clean) / (alexnet - AlexNetErrors.CLEAN);
                count++;
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }
}
