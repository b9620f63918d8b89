package org.djmix.image;

/**
 * Affine warp of double images with OpenCV's semantics ({@code cv2.warpAffine(src, M, size,
 * borderMode=BORDER_REFLECT_101)}, bilinear): \(M\) maps source to destination points; each
 * destination pixel reads the source at \(M^{-1}(x, y)\), a position OpenCV quantises to 1/32 pixel
 * in fixed point, and mixes its 4 neighbours, mirrored about the edge samples outside.
 */
public final class BilinearAffineWarp {

    private static final int INTER_BITS = 5;
    private static final int INTER_TAB_SIZE = 1 << INTER_BITS;
    private static final int AB_BITS = 10;
    private static final int AB_SCALE = 1 << AB_BITS;
    private static final int ROUND_DELTA = AB_SCALE / INTER_TAB_SIZE / 2;

    private BilinearAffineWarp() {}

    /**
     * Returns the affine map taking three points to three others ({@code cv2.getAffineTransform}).
     *
     * @param from x0, y0, x1, y1, x2, y2
     * @param to the images of the three points, same layout
     * @return the 2×3 matrix, row-major
     */
    public static double[] fromPoints(double[] from, double[] to) {
        double[][] a = new double[6][7];
        for (int i = 0; i < 3; i++) {
            double x = from[2 * i];
            double y = from[2 * i + 1];
            a[2 * i] = new double[] {x, y, 1, 0, 0, 0, to[2 * i]};
            a[2 * i + 1] = new double[] {0, 0, 0, x, y, 1, to[2 * i + 1]};
        }
        for (int col = 0; col < 6; col++) {
            int pivot = col;
            for (int r = col + 1; r < 6; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                    pivot = r;
                }
            }
            if (Math.abs(a[pivot][col]) < 1e-12) {
                throw new IllegalArgumentException("the three source points are collinear");
            }
            double[] swap = a[col];
            a[col] = a[pivot];
            a[pivot] = swap;
            for (int r = 0; r < 6; r++) {
                if (r != col) {
                    double f = a[r][col] / a[col][col];
                    for (int c = col; c < 7; c++) {
                        a[r][c] -= f * a[col][c];
                    }
                }
            }
        }
        double[] m = new double[6];
        for (int i = 0; i < 6; i++) {
            m[i] = a[i][6] / a[i][i];
        }
        return m;
    }

    /**
     * Warps every channel.
     *
     * @param image the source
     * @param matrix the 2×3 source-to-destination map, row-major
     * @return a new image of the same size
     */
    public static DoubleImage warp(DoubleImage image, double[] matrix) {
        double det = matrix[0] * matrix[4] - matrix[1] * matrix[3];
        if (det == 0) {
            throw new IllegalArgumentException("the affine map is singular");
        }
        double a = matrix[4] / det;
        double b = -matrix[1] / det;
        double d = -matrix[3] / det;
        double e = matrix[0] / det;
        double c = -a * matrix[2] - b * matrix[5];
        double f = -d * matrix[2] - e * matrix[5];
        int h = image.height();
        int w = image.width();
        double[] in = image.array();
        DoubleImage result = image.blank();
        double[] out = result.array();
        int[] xDelta = new int[w];
        int[] yDelta = new int[w];
        for (int x = 0; x < w; x++) {
            xDelta[x] = (int) Math.rint(a * x * AB_SCALE);
            yDelta[x] = (int) Math.rint(d * x * AB_SCALE);
        }
        for (int y = 0; y < h; y++) {
            int x0 = (int) Math.rint((b * y + c) * AB_SCALE) + ROUND_DELTA;
            int y0 = (int) Math.rint((e * y + f) * AB_SCALE) + ROUND_DELTA;
            for (int x = 0; x < w; x++) {
                int sx = (x0 + xDelta[x]) >> (AB_BITS - INTER_BITS);
                int sy = (y0 + yDelta[x]) >> (AB_BITS - INTER_BITS);
                int ix = sx >> INTER_BITS;
                int iy = sy >> INTER_BITS;
                double fx = (sx & (INTER_TAB_SIZE - 1)) / (double) INTER_TAB_SIZE;
                double fy = (sy & (INTER_TAB_SIZE - 1)) / (double) INTER_TAB_SIZE;
                int left = BorderMode.MIRROR.index(ix, w);
                int right = BorderMode.MIRROR.index(ix + 1, w);
                int top = BorderMode.MIRROR.index(iy, h);
                int bottom = BorderMode.MIRROR.index(iy + 1, h);
                for (int ch = 0; ch < image.channels(); ch++) {
                    int plane = ch * h * w;
                    double upper =
                            in[plane + top * w + left] * (1 - fx)
                                    + in[plane + top * w + right] * fx;
                    double lower =
                            in[plane + bottom * w + left] * (1 - fx)
                                    + in[plane + bottom * w + right] * fx;
                    out[plane + y * w + x] = upper * (1 - fy) + lower * fy;
                }
            }
        }
        return result;
    }
}
