package org.djmix.corruptions;

import org.djmix.image.ByteImage;

/**
 * OpenCV's bilinear {@code resize} (INTER_LINEAR) of 8-bit images: pixel centres aligned (source
 * \((o + 0.5)\,n_{in}/n_{out} - 0.5\)), clamped at the edges, rounded to 8 bits. OpenCV's 11-bit
 * fixed-point weights are replaced by exact ones, which can differ by one level.
 */
final class LinearResize {

    private LinearResize() {}

    static ByteImage resize(ByteImage image, int height, int width) {
        int h = image.height();
        int w = image.width();
        byte[] in = image.array();
        byte[] out = new byte[image.channels() * height * width];
        int[] x0 = new int[width];
        double[] fx = new double[width];
        for (int x = 0; x < width; x++) {
            double sx = Math.max(0, (x + 0.5) * w / width - 0.5);
            x0[x] = Math.min((int) sx, w - 1);
            fx[x] = x0[x] == w - 1 ? 0 : sx - x0[x];
        }
        for (int c = 0; c < image.channels(); c++) {
            for (int y = 0; y < height; y++) {
                double sy = Math.max(0, (y + 0.5) * h / height - 0.5);
                int y0 = Math.min((int) sy, h - 1);
                double fy = y0 == h - 1 ? 0 : sy - y0;
                int y1 = Math.min(y0 + 1, h - 1);
                for (int x = 0; x < width; x++) {
                    int a = x0[x];
                    int b = Math.min(a + 1, w - 1);
                    double top =
                            (in[(c * h + y0) * w + a] & 0xFF) * (1 - fx[x])
                                    + (in[(c * h + y0) * w + b] & 0xFF) * fx[x];
                    double bottom =
                            (in[(c * h + y1) * w + a] & 0xFF) * (1 - fx[x])
                                    + (in[(c * h + y1) * w + b] & 0xFF) * fx[x];
                    out[(c * height + y) * width + x] =
                            (byte) Math.round(top * (1 - fy) + bottom * fy);
                }
            }
        }
        return ByteImage.wrap(image.channels(), height, width, out);
    }
}
