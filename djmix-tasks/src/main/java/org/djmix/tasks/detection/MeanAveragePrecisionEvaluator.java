package org.djmix.tasks.detection;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.evaluator.Evaluator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * VOC mAP@0.5 (all-point interpolation) as a DJL {@link Evaluator}: each batch's detections ({@link
 * FasterRcnn}'s inference outputs) and targets (boxes, classes with −1 padding, difficult flags:
 * {@link DetectionDataset}'s labels) go into a {@link VocAveragePrecision} per accumulator key, so
 * the epoch's value is the mAP over all its images. Training outputs (losses) are skipped: the
 * value is a validation figure.
 */
public class MeanAveragePrecisionEvaluator extends Evaluator {

    /** The evaluator's name, as listeners report it ({@code validate_mAP}). */
    public static final String NAME = "mAP";

    private final int classes;
    private final Map<String, VocAveragePrecision> accumulators = new ConcurrentHashMap<>();

    /**
     * Creates the evaluator.
     *
     * @param classes K object classes
     */
    public MeanAveragePrecisionEvaluator(int classes) {
        super(NAME);
        this.classes = classes;
    }

    /**
     * Adds one batch to an accumulator.
     *
     * @param ap the accumulator
     * @param labels boxes (N, M, 4), classes (N, M), difficult (N, M)
     * @param predictions Faster R-CNN's inference outputs
     */
    public static void add(VocAveragePrecision ap, NDList labels, NDList predictions) {
        List<Detections> detections = FasterRcnn.detections(predictions);
        float[] boxes = labels.get(0).toFloatArray();
        int[] truthClasses = labels.get(1).toType(DataType.INT32, false).toIntArray();
        float[] difficult = labels.get(2).toFloatArray();
        int n = detections.size();
        int m = truthClasses.length / n;
        for (int i = 0; i < n; i++) {
            int count = 0;
            for (int j = 0; j < m; j++) {
                count += truthClasses[i * m + j] >= 0 ? 1 : 0;
            }
            float[] b = new float[4 * count];
            int[] c = new int[count];
            boolean[] d = new boolean[count];
            int k = 0;
            for (int j = 0; j < m; j++) {
                if (truthClasses[i * m + j] >= 0) {
                    System.arraycopy(boxes, 4 * (i * m + j), b, 4 * k, 4);
                    c[k] = truthClasses[i * m + j];
                    d[k] = difficult[i * m + j] > 0;
                    k++;
                }
            }
            Detections image = detections.get(i);
            ap.add(c, b, d, image.labels(), image.boxes(), image.scores());
        }
    }

    private static boolean isDetections(NDList predictions) {
        return predictions.size() == FasterRcnn.OUTPUTS
                && !FasterRcnn.isTrainingOutput(predictions);
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        VocAveragePrecision ap = new VocAveragePrecision(classes, 0.5f);
        if (isDetections(predictions)) {
            add(ap, labels, predictions);
        }
        double value = ap.meanAveragePrecision(false);
        return labels.head().getManager().create(Double.isNaN(value) ? 0f : (float) value);
    }

    @Override
    public void addAccumulator(String key) {
        accumulators.put(key, new VocAveragePrecision(classes, 0.5f));
    }

    @Override
    public void updateAccumulator(String key, NDList labels, NDList predictions) {
        if (isDetections(predictions)) {
            add(accumulators.get(key), labels, predictions);
        }
    }

    @Override
    public void resetAccumulator(String key) {
        accumulators.put(key, new VocAveragePrecision(classes, 0.5f));
    }

    @Override
    public float getAccumulator(String key) {
        VocAveragePrecision ap = accumulators.get(key);
        if (ap == null) {
            throw new IllegalArgumentException("no accumulator for key '" + key + "'");
        }
        double value = ap.meanAveragePrecision(false);
        return Double.isNaN(value) ? 0f : (float) value;
    }
}
