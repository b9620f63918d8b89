package org.djmix.tasks.detection;

/**
 * Assigns each prediction (anchor or proposal) to a ground-truth box, as torchvision's {@code
 * Matcher}: the box of highest IoU when that IoU is at least {@code high}, {@link #BELOW_LOW} below
 * {@code low}, {@link #BETWEEN} in between. With {@code allowLowQuality} (the RPN's setting), each
 * ground-truth box also keeps the predictions of its own highest IoU (all of them on ties), so that
 * every box has a match.
 *
 * @param high the IoU a match needs (RPN 0.7, box head 0.5)
 * @param low below this a prediction is background (RPN 0.3, box head 0.5)
 * @param allowLowQuality whether each box keeps its best predictions whatever their IoU
 */
public record Matcher(float high, float low, boolean allowLowQuality) {

    /** A prediction below the low threshold: background. */
    public static final int BELOW_LOW = -1;

    /** A prediction between the thresholds: ignored. */
    public static final int BETWEEN = -2;

    /**
     * Checks the thresholds.
     *
     * @param high ≥ low
     * @param low ≥ 0
     * @param allowLowQuality any
     */
    public Matcher {
        if (low < 0 || high < low) {
            throw new IllegalArgumentException(
                    "need 0 <= low <= high, got low " + low + ", high " + high);
        }
    }

    /**
     * Matches predictions to boxes.
     *
     * @param quality IoU of box m with prediction n at {@code m * predictions + n}
     * @param boxes M, the ground-truth boxes
     * @param predictions N
     * @return per prediction the index of its box, or {@link #BELOW_LOW} / {@link #BETWEEN}
     */
    public int[] match(float[] quality, int boxes, int predictions) {
        if (quality.length != boxes * predictions) {
            throw new IllegalArgumentException(
                    quality.length + " IoU values for " + boxes + " x " + predictions);
        }
        int[] matches = new int[predictions];
        if (boxes == 0) {
            java.util.Arrays.fill(matches, BELOW_LOW);
            return matches;
        }
        int[] best = new int[predictions];
        for (int n = 0; n < predictions; n++) {
            int arg = 0;
            float value = quality[n];
            for (int m = 1; m < boxes; m++) {
                if (quality[m * predictions + n] > value) {
                    value = quality[m * predictions + n];
                    arg = m;
                }
            }
            best[n] = arg;
            matches[n] = value < low ? BELOW_LOW : value < high ? BETWEEN : arg;
        }
        if (allowLowQuality) {
            for (int m = 0; m < boxes; m++) {
                float highest = Float.NEGATIVE_INFINITY;
                for (int n = 0; n < predictions; n++) {
                    highest = Math.max(highest, quality[m * predictions + n]);
                }
                for (int n = 0; n < predictions; n++) {
                    if (quality[m * predictions + n] == highest) {
                        matches[n] = best[n];
                    }
                }
            }
        }
        return matches;
    }
}
