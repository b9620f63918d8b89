package org.djmix.tasks.eval;

/**
 * What a robustness report measures, with the names its files give it: the error rate of a
 * classifier (lower is better) or the mean intersection over union of a segmenter, \(\mathrm{mIoU}
 * = \frac{1}{K}\sum_k \frac{TP_k}{TP_k + FP_k + FN_k}\) (higher is better), or the mean average
 * precision of a detector (higher is better). All lie in [0, 1].
 */
public enum Metric {
    /** A classifier's error rate. */
    ERROR("error", "Error", "errors"),
    /** A segmenter's mean IoU over the classes. */
    MEAN_IOU("mIoU", "MIoU", "mIoU"),
    /**
     * A detector's VOC mAP@0.5; under corruption its mean is the mPC and mPC / clean the rPC
     * (Michaelis et al. 2019).
     */
    MEAN_AP("mAP", "MAP", "mAP");

    private final String label;
    private final String suffix;
    private final String valuesKey;

    Metric(String label, String suffix, String valuesKey) {
        this.label = label;
        this.suffix = suffix;
        this.valuesKey = valuesKey;
    }

    /**
     * Returns the name in tables, e.g. {@code error (%)}'s first word.
     *
     * @return {@code error} or {@code mIoU}
     */
    public String label() {
        return label;
    }

    /**
     * Returns a JSON key for a figure of this metric, e.g. {@code cleanError}, {@code cleanMIoU}.
     *
     * @param prefix e.g. {@code clean} or {@code meanCorrupted}
     * @return the key
     */
    public String key(String prefix) {
        return prefix + suffix;
    }

    /**
     * Returns the JSON key of the per-corruption values.
     *
     * @return {@code errors} or {@code mIoU}
     */
    public String valuesKey() {
        return valuesKey;
    }
}
