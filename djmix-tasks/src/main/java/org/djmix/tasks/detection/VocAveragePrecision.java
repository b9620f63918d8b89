package org.djmix.tasks.detection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * PASCAL VOC's detection metric (the devkit's {@code voc_eval}): per class, the detections of all
 * images by decreasing score are each matched to the ground-truth box of highest IoU in their image
 * (the MATLAB devkit's rule); IoU ≥ threshold (0.5) makes a true positive, a second detection of an
 * already matched box a false positive (a duplicate), and a match with a {@code difficult} box
 * neither. Recall counts the boxes that are not difficult. AP is the area under the precision
 * envelope: at 11 recall points (VOC2007, \(\frac{1}{11}\sum_{t \in \{0, 0.1, …, 1\}} \max_{r \ge
 * t} p(r)\)) or at every recall change (VOC2010 and later). mAP averages the classes that have
 * ground truth.
 *
 * <p>Boxes are continuous pixel coordinates (x1, y1, x2, y2), as the VOC reader turns VOC's 1-based
 * inclusive ones (x1 = xmin − 1, x2 = xmax), so IoU needs none of the devkit's +1 terms and equals
 * its value.
 */
public final class VocAveragePrecision {

    private final int numClasses;
    private final float iouThreshold;
    private final List<List<Detection>> detections = new ArrayList<>();
    private final List<List<Truth>> truths = new ArrayList<>();
    private final int[] positives;

    /** One scored detection in one image. */
    private record Detection(int image, float score, float[] box) {}

    /** One image's ground truth of one class, with the matched flags. */
    private record Truth(float[] boxes, boolean[] difficult, boolean[] matched) {}

    /**
     * Creates an empty accumulator.
     *
     * @param numClasses K, the number of object classes (labels 0..K−1; no background)
     * @param iouThreshold the overlap a true positive needs (VOC: 0.5)
     */
    public VocAveragePrecision(int numClasses, float iouThreshold) {
        this.numClasses = numClasses;
        this.iouThreshold = iouThreshold;
        this.positives = new int[numClasses];
        for (int c = 0; c < numClasses; c++) {
            detections.add(new ArrayList<>());
            truths.add(new ArrayList<>());
        }
    }

    /**
     * Adds one image's ground truth and detections.
     *
     * @param truthLabels class of each ground-truth box, 0..K−1
     * @param truthBoxes 4 coordinates per ground-truth box
     * @param difficult VOC's difficult flag per ground-truth box
     * @param labels class of each detection
     * @param boxes 4 coordinates per detection
     * @param scores score of each detection
     */
    public void add(
            int[] truthLabels,
            float[] truthBoxes,
            boolean[] difficult,
            int[] labels,
            float[] boxes,
            float[] scores) {
        int image = truths.get(0).size();
        for (int c = 0; c < numClasses; c++) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < truthLabels.length; i++) {
                checkLabel(truthLabels[i]);
                if (truthLabels[i] == c) {
                    members.add(i);
                    if (!difficult[i]) {
                        positives[c]++;
                    }
                }
            }
            float[] classBoxes = new float[4 * members.size()];
            boolean[] classDifficult = new boolean[members.size()];
            for (int m = 0; m < members.size(); m++) {
                System.arraycopy(truthBoxes, 4 * members.get(m), classBoxes, 4 * m, 4);
                classDifficult[m] = difficult[members.get(m)];
            }
            truths.get(c).add(new Truth(classBoxes, classDifficult, new boolean[members.size()]));
        }
        for (int i = 0; i < labels.length; i++) {
            checkLabel(labels[i]);
            float[] box = new float[4];
            System.arraycopy(boxes, 4 * i, box, 0, 4);
            detections.get(labels[i]).add(new Detection(image, scores[i], box));
        }
    }

    private void checkLabel(int label) {
        if (label < 0 || label >= numClasses) {
            throw new IllegalArgumentException(
                    "class " + label + " outside 0.." + (numClasses - 1));
        }
    }

    /**
     * Returns each class's AP.
     *
     * @param voc07 the 11-point interpolation of VOC2007, else every recall change
     * @return AP per class; NaN for a class without ground truth (not difficult)
     */
    public double[] averagePrecisions(boolean voc07) {
        double[] ap = new double[numClasses];
        for (int c = 0; c < numClasses; c++) {
            ap[c] = averagePrecision(c, voc07);
        }
        return ap;
    }

    /**
     * Returns the mean AP over the classes with ground truth.
     *
     * @param voc07 the 11-point interpolation of VOC2007, else every recall change
     * @return mAP, NaN when no class has ground truth
     */
    public double meanAveragePrecision(boolean voc07) {
        double sum = 0;
        int count = 0;
        for (double ap : averagePrecisions(voc07)) {
            if (!Double.isNaN(ap)) {
                sum += ap;
                count++;
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }

    private double averagePrecision(int c, boolean voc07) {
        if (positives[c] == 0) {
            return Double.NaN;
        }
        List<Truth> truth = truths.get(c);
        for (Truth t : truth) {
            java.util.Arrays.fill(t.matched, false);
        }
        List<Detection> sorted = new ArrayList<>(detections.get(c));
        sorted.sort(Comparator.comparingDouble(d -> -d.score));
        int n = sorted.size();
        double[] recall = new double[n];
        double[] precision = new double[n];
        int tp = 0;
        int fp = 0;
        int counted = 0;
        for (Detection d : sorted) {
            Truth t = truth.get(d.image);
            int best = -1;
            float bestIou = -1;
            for (int j = 0; j < t.difficult.length; j++) {
                float iou = BoxIou.iou(d.box, 0, t.boxes, j);
                if (iou > bestIou) {
                    bestIou = iou;
                    best = j;
                }
            }
            if (best >= 0 && bestIou >= iouThreshold) {
                if (t.difficult[best]) {
                    continue;
                }
                if (t.matched[best]) {
                    fp++;
                } else {
                    t.matched[best] = true;
                    tp++;
                }
            } else {
                fp++;
            }
            recall[counted] = (double) tp / positives[c];
            precision[counted] = (double) tp / Math.max(tp + fp, 1);
            counted++;
        }
        return voc07
                ? elevenPoint(recall, precision, counted)
                : everyPoint(recall, precision, counted);
    }

    private static double elevenPoint(double[] recall, double[] precision, int n) {
        double sum = 0;
        for (int t = 0; t <= 10; t++) {
            double best = 0;
            for (int i = 0; i < n; i++) {
                if (recall[i] >= t / 10.0) {
                    best = Math.max(best, precision[i]);
                }
            }
            sum += best;
        }
        return sum / 11;
    }

    private static double everyPoint(double[] recall, double[] precision, int n) {
        double[] envelope = new double[n + 2];
        double[] levels = new double[n + 2];
        levels[n + 1] = 1;
        for (int i = 0; i < n; i++) {
            levels[i + 1] = recall[i];
            envelope[i + 1] = precision[i];
        }
        for (int i = n; i >= 0; i--) {
            envelope[i] = Math.max(envelope[i], envelope[i + 1]);
        }
        double area = 0;
        for (int i = 0; i <= n; i++) {
            if (levels[i + 1] != levels[i]) {
                area += (levels[i + 1] - levels[i]) * envelope[i + 1];
            }
        }
        return area;
    }
}
