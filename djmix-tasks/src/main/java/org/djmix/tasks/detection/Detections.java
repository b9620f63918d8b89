package org.djmix.tasks.detection;

/**
 * One image's detections, best first.
 *
 * @param boxes 4 coordinates per detection (x1, y1, x2, y2 in input pixels)
 * @param scores each detection's class probability
 * @param labels each detection's object class, 0..K−1
 */
public record Detections(float[] boxes, float[] scores, int[] labels) {

    /**
     * Checks the lengths.
     *
     * @param boxes 4 per detection
     * @param scores 1 per detection
     * @param labels 1 per detection
     */
    public Detections {
        if (boxes.length != 4 * scores.length || labels.length != scores.length) {
            throw new IllegalArgumentException(
                    boxes.length
                            + " coordinates, "
                            + scores.length
                            + " scores and "
                            + labels.length
                            + " labels; expected 4, 1 and 1 per detection");
        }
    }

    /**
     * Returns the number of detections.
     *
     * @return the count
     */
    public int size() {
        return scores.length;
    }
}
