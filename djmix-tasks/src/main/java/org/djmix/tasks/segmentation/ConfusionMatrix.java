package org.djmix.tasks.segmentation;

/**
 * A K×K confusion matrix of pixels (rows: true class, columns: predicted class), pixels labelled
 * {@value SegmentationLoss#IGNORE} left out, and the scores read from it: per-class IoU \(=
 * \frac{n_{cc}}{\sum_j n_{cj} + \sum_i n_{ic} - n_{cc}}\), mIoU (the mean over the classes that
 * occur in the labels or the predictions, torchvision's and the VOC benchmark's measure up to its
 * treatment of absent classes) and pixel accuracy \(\sum_c n_{cc} / \sum_{ij} n_{ij}\).
 */
public final class ConfusionMatrix {

    private final int classes;
    private final long[] counts;

    /**
     * Creates an empty matrix.
     *
     * @param classes K, e.g. 21 for PASCAL VOC
     */
    public ConfusionMatrix(int classes) {
        if (classes < 1) {
            throw new IllegalArgumentException("classes must be > 0, got " + classes);
        }
        this.classes = classes;
        counts = new long[classes * classes];
    }

    /**
     * Counts pixels.
     *
     * @param labels true classes, or {@value SegmentationLoss#IGNORE}
     * @param predictions predicted classes, same length
     * @throws IllegalArgumentException naming the first label or prediction outside the classes
     */
    public void add(int[] labels, int[] predictions) {
        if (labels.length != predictions.length) {
            throw new IllegalArgumentException(
                    labels.length + " labels but " + predictions.length + " predictions");
        }
        for (int i = 0; i < labels.length; i++) {
            int label = labels[i];
            if (label == SegmentationLoss.IGNORE) {
                continue;
            }
            int predicted = predictions[i];
            if (label < 0 || label >= classes || predicted < 0 || predicted >= classes) {
                throw new IllegalArgumentException(
                        "pixel "
                                + i
                                + ": label "
                                + label
                                + ", prediction "
                                + predicted
                                + "; expected 0.."
                                + (classes - 1)
                                + " (or label "
                                + SegmentationLoss.IGNORE
                                + ")");
            }
            counts[label * classes + predicted]++;
        }
    }

    /**
     * Adds another matrix's counts.
     *
     * @param other a matrix of the same size
     */
    public void add(ConfusionMatrix other) {
        if (other.classes != classes) {
            throw new IllegalArgumentException(
                    "matrices of " + classes + " and " + other.classes + " classes");
        }
        for (int i = 0; i < counts.length; i++) {
            counts[i] += other.counts[i];
        }
    }

    /**
     * Returns one count.
     *
     * @param label the true class
     * @param predicted the predicted class
     * @return pixels of class {@code label} predicted as {@code predicted}
     */
    public long count(int label, int predicted) {
        return counts[label * classes + predicted];
    }

    /**
     * Returns the IoU of every class.
     *
     * @return IoU per class, NaN for a class neither labelled nor predicted
     */
    public double[] iou() {
        double[] iou = new double[classes];
        for (int c = 0; c < classes; c++) {
            long labelled = 0;
            long predicted = 0;
            for (int j = 0; j < classes; j++) {
                labelled += count(c, j);
                predicted += count(j, c);
            }
            long union = labelled + predicted - count(c, c);
            iou[c] = union == 0 ? Double.NaN : (double) count(c, c) / union;
        }
        return iou;
    }

    /**
     * Returns the mean IoU over the classes that occur.
     *
     * @return mIoU in [0, 1], NaN when no pixel was counted
     */
    public double meanIou() {
        double sum = 0;
        int present = 0;
        for (double value : iou()) {
            if (!Double.isNaN(value)) {
                sum += value;
                present++;
            }
        }
        return present == 0 ? Double.NaN : sum / present;
    }

    /**
     * Returns the fraction of counted pixels predicted right.
     *
     * @return pixel accuracy, NaN when no pixel was counted
     */
    public double pixelAccuracy() {
        long right = 0;
        long total = 0;
        for (int c = 0; c < classes; c++) {
            right += count(c, c);
            for (int j = 0; j < classes; j++) {
                total += count(c, j);
            }
        }
        return total == 0 ? Double.NaN : (double) right / total;
    }
}
