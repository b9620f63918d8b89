package org.djmix.corruptions;

import java.util.ArrayDeque;

/**
 * OpenCV's {@code cv2.Canny(image, low, high)} on an 8-bit grey image (3×3 Sobel with replicated
 * border, L1 gradient \(|g_x| + |g_y|\), non-maximum suppression in four directions with OpenCV's
 * fixed-point tangent test and tie rules, hysteresis over the 8-neighbourhood): spatter's edge map.
 */
final class CannyEdges {

    private static final int SHIFT = 15;
    private static final int TG22 = (int) (0.4142135623730950488016887242097 * (1 << SHIFT) + 0.5);

    private CannyEdges() {}

    /**
     * Finds edges.
     *
     * @param grey h·w samples in [0, 255]
     * @param h rows
     * @param w columns
     * @param low the lower hysteresis threshold
     * @param high the upper hysteresis threshold
     * @return h·w flags: true on an edge
     */
    static boolean[] edges(int[] grey, int h, int w, int low, int high) {
        int[] dx = new int[h * w];
        int[] dy = new int[h * w];
        int[] magnitude = new int[(h + 2) * (w + 2)];
        for (int y = 0; y < h; y++) {
            int up = Math.max(0, y - 1);
            int down = Math.min(h - 1, y + 1);
            for (int x = 0; x < w; x++) {
                int left = Math.max(0, x - 1);
                int right = Math.min(w - 1, x + 1);
                int gx =
                        grey[up * w + right]
                                - grey[up * w + left]
                                + 2 * (grey[y * w + right] - grey[y * w + left])
                                + grey[down * w + right]
                                - grey[down * w + left];
                int gy =
                        grey[down * w + left]
                                - grey[up * w + left]
                                + 2 * (grey[down * w + x] - grey[up * w + x])
                                + grey[down * w + right]
                                - grey[up * w + right];
                dx[y * w + x] = gx;
                dy[y * w + x] = gy;
                magnitude[(y + 1) * (w + 2) + x + 1] = Math.abs(gx) + Math.abs(gy);
            }
        }
        // 0: maybe an edge, 1: not an edge, 2: an edge
        byte[] map = new byte[h * w];
        java.util.Arrays.fill(map, (byte) 1);
        ArrayDeque<Integer> stack = new ArrayDeque<>();
        int stride = w + 2;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int j = (y + 1) * stride + x + 1;
                int m = magnitude[j];
                if (m <= low) {
                    continue;
                }
                int xs = dx[y * w + x];
                int ys = dy[y * w + x];
                int ax = Math.abs(xs);
                long ay = (long) Math.abs(ys) << SHIFT;
                long tg22x = (long) ax * TG22;
                boolean maximum;
                if (ay < tg22x) {
                    maximum = m > magnitude[j - 1] && m >= magnitude[j + 1];
                } else {
                    long tg67x = tg22x + ((long) ax << (SHIFT + 1));
                    if (ay > tg67x) {
                        maximum = m > magnitude[j - stride] && m >= magnitude[j + stride];
                    } else {
                        int s = (xs ^ ys) < 0 ? -1 : 1;
                        maximum = m > magnitude[j - stride - s] && m > magnitude[j + stride + s];
                    }
                }
                if (maximum) {
                    if (m > high) {
                        map[y * w + x] = 2;
                        stack.push(y * w + x);
                    } else {
                        map[y * w + x] = 0;
                    }
                }
            }
        }
        while (!stack.isEmpty()) {
            int p = stack.pop();
            int py = p / w;
            int px = p % w;
            for (int oy = -1; oy <= 1; oy++) {
                for (int ox = -1; ox <= 1; ox++) {
                    int ny = py + oy;
                    int nx = px + ox;
                    if (ny >= 0 && ny < h && nx >= 0 && nx < w && map[ny * w + nx] == 0) {
                        map[ny * w + nx] = 2;
                        stack.push(ny * w + nx);
                    }
                }
            }
        }
        boolean[] out = new boolean[h * w];
        for (int i = 0; i < out.length; i++) {
            out[i] = map[i] == 2;
        }
        return out;
    }
}
