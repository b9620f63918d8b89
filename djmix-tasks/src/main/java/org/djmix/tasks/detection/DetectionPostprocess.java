package org.djmix.tasks.detection;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * The box branch's test-time output, as torchvision's {@code RoIHeads.postprocess_detections}:
 * class probabilities by softmax, one box per region and object class decoded from its codes (box
 * coder 10, 10, 5, 5) and clipped to the image, then per image the (region, class) pairs scoring
 * above {@code scoreThreshold} with sides of at least 0.01, NMS within each class at {@code
 * nmsThreshold}, and the {@code detectionsPerImage} best.
 *
 * @param scoreThreshold the least score kept (0.05)
 * @param nmsThreshold the IoU of the per-class NMS (0.5)
 * @param detectionsPerImage the most detections per image (100)
 * @param coder the box head's coder
 */
public record DetectionPostprocess(
        float scoreThreshold, float nmsThreshold, int detectionsPerImage, BoxCoder coder) {

    private static final float MIN_SIZE = 1e-2f;

    /** torchvision's settings: score 0.05, NMS 0.5, 100 detections, coder 10, 10, 5, 5. */
    public static DetectionPostprocess torchvisionDefault() {
        return new DetectionPostprocess(0.05f, 0.5f, 100, new BoxCoder(10, 10, 5, 5));
    }

    /**
     * Returns a copy with another score threshold.
     *
     * @param threshold the least score kept
     * @return the copy
     */
    public DetectionPostprocess withScoreThreshold(float threshold) {
        return new DetectionPostprocess(threshold, nmsThreshold, detectionsPerImage, coder);
    }

    /**
     * Turns the box branch's outputs into detections.
     *
     * @param classLogits (R, K + 1), background first
     * @param codes (R, 4 (K + 1))
     * @param rois 5 values per region (image index, box), image by image
     * @param imageSizes each image's (height, width) before padding
     * @return per image its detections
     */
    public List<Detections> detections(
            NDArray classLogits, NDArray codes, float[] rois, int[][] imageSizes) {
        int r = rois.length / 5;
        int classes = (int) classLogits.getShape().get(1);
        float[] probabilities = classLogits.softmax(1).toFloatArray();
        float[] references = new float[4 * r];
        for (int i = 0; i < r; i++) {
            System.arraycopy(rois, 5 * i + 1, references, 4 * i, 4);
        }
        NDArray referenceArray =
                codes.getManager()
                        .create(references, new Shape(r, 4))
                        .toDevice(codes.getDevice(), false);
        float[] decoded =
                r == 0 ? new float[0] : coder.decode(codes, referenceArray).toFloatArray();
        List<Detections> result = new ArrayList<>();
        int start = 0;
        for (int n = 0; n < imageSizes.length; n++) {
            int end = start;
            while (end < r && rois[5 * end] == n) {
                end++;
            }
            result.add(image(probabilities, decoded, start, end, classes, imageSizes[n]));
            start = end;
        }
        return result;
    }

    private Detections image(
            float[] probabilities, float[] decoded, int start, int end, int classes, int[] size) {
        List<float[]> boxes = new ArrayList<>();
        List<Float> scores = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (int i = start; i < end; i++) {
            for (int c = 1; c < classes; c++) {
                float score = probabilities[i * classes + c];
                if (!(score > scoreThreshold)) {
                    continue;
                }
                int o = 4 * (i * classes + c);
                float x1 = clamp(decoded[o], size[1]);
                float y1 = clamp(decoded[o + 1], size[0]);
                float x2 = clamp(decoded[o + 2], size[1]);
                float y2 = clamp(decoded[o + 3], size[0]);
                if (x2 - x1 >= MIN_SIZE && y2 - y1 >= MIN_SIZE) {
                    boxes.add(new float[] {x1, y1, x2, y2});
                    scores.add(score);
                    labels.add(c - 1);
                }
            }
        }
        float[] flatBoxes = new float[4 * boxes.size()];
        float[] flatScores = new float[boxes.size()];
        int[] flatLabels = new int[boxes.size()];
        for (int i = 0; i < boxes.size(); i++) {
            System.arraycopy(boxes.get(i), 0, flatBoxes, 4 * i, 4);
            flatScores[i] = scores.get(i);
            flatLabels[i] = labels.get(i);
        }
        int[] keep = Nms.batched(flatBoxes, flatScores, flatLabels, nmsThreshold);
        int count = Math.min(detectionsPerImage, keep.length);
        float[] outBoxes = new float[4 * count];
        float[] outScores = new float[count];
        int[] outLabels = new int[count];
        for (int i = 0; i < count; i++) {
            System.arraycopy(flatBoxes, 4 * keep[i], outBoxes, 4 * i, 4);
            outScores[i] = flatScores[keep[i]];
            outLabels[i] = flatLabels[keep[i]];
        }
        return new Detections(outBoxes, outScores, outLabels);
    }

    private static float clamp(float value, int limit) {
        return Math.min(Math.max(value, 0), limit);
    }
}
