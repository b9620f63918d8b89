package org.djmix.tasks.detection;

import ai.djl.ndarray.NDArray;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * Greedy non-maximum suppression with torchvision's semantics ({@code torchvision.ops.nms} and
 * {@code batched_nms}): boxes are visited by decreasing score (equal scores in index order) and a
 * box is dropped when its IoU with a kept box is greater than the threshold. Batched NMS does so
 * within each class, then lists the kept boxes by decreasing score. It runs on the host over the
 * boxes' coordinates (a few thousand per image), in float arithmetic as torchvision's kernel.
 */
public final class Nms {

    private Nms() {}

    /**
     * Suppresses overlapping boxes.
     *
     * @param boxes (N, 4) x1, y1, x2, y2
     * @param scores (N)
     * @param iouThreshold boxes overlapping a kept one by more than this go
     * @return the kept indices, by decreasing score
     */
    public static int[] nms(NDArray boxes, NDArray scores, float iouThreshold) {
        return nms(boxes.toFloatArray(), scores.toFloatArray(), iouThreshold);
    }

    /**
     * Suppresses overlapping boxes.
     *
     * @param boxes 4·N coordinates x1, y1, x2, y2
     * @param scores N scores
     * @param iouThreshold boxes overlapping a kept one by more than this go
     * @return the kept indices, by decreasing score
     */
    public static int[] nms(float[] boxes, float[] scores, float iouThreshold) {
        int n = scores.length;
        if (boxes.length != 4 * n) {
            throw new IllegalArgumentException(
                    boxes.length + " coordinates for " + n + " scores; expected 4 per box");
        }
        int[] order = byDecreasingScore(scores, IntStream.range(0, n).toArray());
        boolean[] suppressed = new boolean[n];
        int[] kept = new int[n];
        int count = 0;
        for (int a = 0; a < n; a++) {
            int i = order[a];
            if (suppressed[i]) {
                continue;
            }
            kept[count++] = i;
            for (int b = a + 1; b < n; b++) {
                int j = order[b];
                if (!suppressed[j] && BoxIou.iou(boxes, i, boxes, j) > iouThreshold) {
                    suppressed[j] = true;
                }
            }
        }
        return Arrays.copyOf(kept, count);
    }

    /**
     * Suppresses overlapping boxes within each class.
     *
     * @param boxes (N, 4)
     * @param scores (N)
     * @param classes (N) class of each box
     * @param iouThreshold the threshold
     * @return the kept indices, by decreasing score
     */
    public static int[] batched(NDArray boxes, NDArray scores, int[] classes, float iouThreshold) {
        return batched(boxes.toFloatArray(), scores.toFloatArray(), classes, iouThreshold);
    }

    /**
     * Suppresses overlapping boxes within each class.
     *
     * @param boxes 4·N coordinates
     * @param scores N scores
     * @param classes N classes
     * @param iouThreshold the threshold
     * @return the kept indices, by decreasing score
     */
    public static int[] batched(float[] boxes, float[] scores, int[] classes, float iouThreshold) {
        if (classes.length != scores.length) {
            throw new IllegalArgumentException(
                    classes.length + " classes but " + scores.length + " scores");
        }
        TreeMap<Integer, List<Integer>> byClass = new TreeMap<>();
        for (int i = 0; i < classes.length; i++) {
            byClass.computeIfAbsent(classes[i], c -> new ArrayList<>()).add(i);
        }
        List<Integer> kept = new ArrayList<>();
        for (List<Integer> members : byClass.values()) {
            float[] memberBoxes = new float[4 * members.size()];
            float[] memberScores = new float[members.size()];
            for (int m = 0; m < members.size(); m++) {
                int i = members.get(m);
                System.arraycopy(boxes, 4 * i, memberBoxes, 4 * m, 4);
                memberScores[m] = scores[i];
            }
            for (int m : nms(memberBoxes, memberScores, iouThreshold)) {
                kept.add(members.get(m));
            }
        }
        return byDecreasingScore(scores, kept.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The given indices sorted by decreasing score; equal scores keep index order. */
    private static int[] byDecreasingScore(float[] scores, int[] indices) {
        return Arrays.stream(indices)
                .boxed()
                .sorted(
                        Comparator.<Integer>comparingDouble(i -> -scores[i])
                                .thenComparingInt(i -> i))
                .mapToInt(Integer::intValue)
                .toArray();
    }
}
