package org.djmix.corruptions;

/**
 * OpenCV's {@code cv2.distanceTransform(src, DIST_L2, 5)}: for every non-zero pixel, the distance
 * to the nearest zero pixel by the 5×5 chamfer metric (steps 1, 1.4 and 2.1969, in OpenCV's 16-bit
 * fixed point, two raster passes, the outside infinitely far): spatter's distance to the edges.
 */
final class ChamferDistance {

    private static final int SHIFT = 16;
    private static final int STRAIGHT = fixed(1f);
    private static final int DIAGONAL = fixed(1.4f);
    private static final int KNIGHT = fixed(2.1969f);
    private static final int FAR = Integer.MAX_VALUE / 2;

    private ChamferDistance() {}

    private static int fixed(float value) {
        return (int) Math.rint(value * (1 << SHIFT));
    }

    /**
     * Computes distances.
     *
     * @param zero h·w flags: true where the distance is 0
     * @param h rows
     * @param w columns
     * @return h·w distances in pixels
     */
    static double[] distances(boolean[] zero, int h, int w) {
        int[] d = new int[h * w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                if (zero[i]) {
                    d[i] = 0;
                    continue;
                }
                int best = FAR;
                best = Math.min(best, at(d, h, w, y - 2, x - 1) + KNIGHT);
                best = Math.min(best, at(d, h, w, y - 2, x + 1) + KNIGHT);
                best = Math.min(best, at(d, h, w, y - 1, x - 2) + KNIGHT);
                best = Math.min(best, at(d, h, w, y - 1, x - 1) + DIAGONAL);
                best = Math.min(best, at(d, h, w, y - 1, x) + STRAIGHT);
                best = Math.min(best, at(d, h, w, y - 1, x + 1) + DIAGONAL);
                best = Math.min(best, at(d, h, w, y - 1, x + 2) + KNIGHT);
                best = Math.min(best, at(d, h, w, y, x - 1) + STRAIGHT);
                d[i] = best;
            }
        }
        for (int y = h - 1; y >= 0; y--) {
            for (int x = w - 1; x >= 0; x--) {
                int i = y * w + x;
                int best = d[i];
                best = Math.min(best, at(d, h, w, y + 2, x + 1) + KNIGHT);
                best = Math.min(best, at(d, h, w, y + 2, x - 1) + KNIGHT);
                best = Math.min(best, at(d, h, w, y + 1, x + 2) + KNIGHT);
                best = Math.min(best, at(d, h, w, y + 1, x + 1) + DIAGONAL);
                best = Math.min(best, at(d, h, w, y + 1, x) + STRAIGHT);
                best = Math.min(best, at(d, h, w, y + 1, x - 1) + DIAGONAL);
                best = Math.min(best, at(d, h, w, y + 1, x - 2) + KNIGHT);
                best = Math.min(best, at(d, h, w, y, x + 1) + STRAIGHT);
                d[i] = best;
            }
        }
        double[] out = new double[h * w];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (d[i] * (1.0 / (1 << SHIFT)));
        }
        return out;
    }

    private static int at(int[] d, int h, int w, int y, int x) {
        return y < 0 || y >= h || x < 0 || x >= w ? FAR : d[y * w + x];
    }
}
