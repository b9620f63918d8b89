package org.djmix.benchmarks;

/**
 * RoIAlign's forward pass as plain Java loops over a host array, one region, channel and bin after
 * the other (torchvision's CPU kernel, aligned false, fixed sampling ratio): the reference the
 * device version is timed against.
 */
final class RoiAlignLoops {

    private RoiAlignLoops() {}

    /**
     * Pools every region.
     *
     * @param features (N, C, H, W), row-major
     * @param shape N, C, H, W
     * @param rois 5 values per region: image, x1, y1, x2, y2
     * @param size the output side
     * @param scale feature pixels per input pixel
     * @param sampling grid points per bin side
     * @return (R, C, size, size), row-major
     */
    static float[] apply(
            float[] features, int[] shape, float[] rois, int size, float scale, int sampling) {
        int channels = shape[1];
        int height = shape[2];
        int width = shape[3];
        int r = rois.length / 5;
        float[] out = new float[r * channels * size * size];
        for (int i = 0; i < r; i++) {
            int b = (int) rois[5 * i];
            float x1 = rois[5 * i + 1] * scale;
            float y1 = rois[5 * i + 2] * scale;
            float roiW = Math.max(rois[5 * i + 3] * scale - x1, 1f);
            float roiH = Math.max(rois[5 * i + 4] * scale - y1, 1f);
            float binH = roiH / size;
            float binW = roiW / size;
            for (int c = 0; c < channels; c++) {
                int plane = (b * channels + c) * height * width;
                for (int ph = 0; ph < size; ph++) {
                    for (int pw = 0; pw < size; pw++) {
                        float sum = 0;
                        for (int iy = 0; iy < sampling; iy++) {
                            float y = y1 + ph * binH + (iy + .5f) * binH / sampling;
                            for (int ix = 0; ix < sampling; ix++) {
                                float x = x1 + pw * binW + (ix + .5f) * binW / sampling;
                                sum += bilinear(features, plane, height, width, y, x);
                            }
                        }
                        out[((i * channels + c) * size + ph) * size + pw] =
                                sum / (sampling * sampling);
                    }
                }
            }
        }
        return out;
    }

    private static float bilinear(float[] f, int plane, int height, int width, float y, float x) {
        if (y < -1f || y > height || x < -1f || x > width) {
            return 0;
        }
        y = Math.max(y, 0f);
        x = Math.max(x, 0f);
        int y0 = (int) y;
        int x0 = (int) x;
        int y1;
        int x1;
        if (y0 >= height - 1) {
            y1 = y0 = height - 1;
            y = y0;
        } else {
            y1 = y0 + 1;
        }
        if (x0 >= width - 1) {
            x1 = x0 = width - 1;
            x = x0;
        } else {
            x1 = x0 + 1;
        }
        float ly = y - y0;
        float lx = x - x0;
        return (1 - ly) * (1 - lx) * f[plane + y0 * width + x0]
                + (1 - ly) * lx * f[plane + y0 * width + x1]
                + ly * (1 - lx) * f[plane + y1 * width + x0]
                + ly * lx * f[plane + y1 * width + x1];
    }
}
