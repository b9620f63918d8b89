package org.djmix.image;

/**
 * Resizes 8-bit images with PIL's box filter ({@code Image.resize(size, Image.BOX)}), bit for bit:
 * each output sample averages the input samples its footprint covers (weights from PIL's {@code
 * precompute_coeffs} with support \(\tfrac12\max(1, n_{in}/n_{out})\)), in PIL's 22-bit fixed
 * point, horizontal pass first, rounding to 8 bits after each pass.
 */
public final class BoxResize {

    private static final int PRECISION_BITS = 32 - 8 - 2;

    private BoxResize() {}

    /**
     * Resizes an image.
     *
     * @param image the image
     * @param height the new height, &gt; 0
     * @param width the new width, &gt; 0
     * @return a new image
     */
    public static ByteImage resize(ByteImage image, int height, int width) {
        if (height <= 0 || width <= 0) {
            throw new IllegalArgumentException(
                    "height and width must be > 0, got " + height + "x" + width);
        }
        ByteImage out = image;
        if (width != image.width()) {
            out = horizontal(out, width);
        }
        if (height != image.height()) {
            out = vertical(out, height);
        }
        return out == image ? image.copy() : out;
    }

    /**
     * PIL's coefficients: for each output sample, the first input index and fixed-point weights.
     */
    private record Coefficients(int[] first, int[][] weights) {}

    private static Coefficients coefficients(int inSize, int outSize) {
        double scale = (double) inSize / outSize;
        double filterScale = Math.max(scale, 1.0);
        double support = 0.5 * filterScale;
        int[] first = new int[outSize];
        int[][] weights = new int[outSize][];
        for (int o = 0; o < outSize; o++) {
            double centre = (o + 0.5) * scale;
            double inverse = 1.0 / filterScale;
            int min = Math.max(0, (int) (centre - support + 0.5));
            int max = Math.min(inSize, (int) (centre + support + 0.5)) - min;
            double[] k = new double[Math.max(0, max)];
            double total = 0;
            for (int x = 0; x < k.length; x++) {
                double t = (x + min - centre + 0.5) * inverse;
                k[x] = t > -0.5 && t <= 0.5 ? 1.0 : 0.0;
                total += k[x];
            }
            int[] fixed = new int[k.length];
            for (int x = 0; x < k.length; x++) {
                double normalised = total != 0 ? k[x] / total : k[x];
                fixed[x] = (int) (0.5 + normalised * (1 << PRECISION_BITS));
            }
            first[o] = min;
            weights[o] = fixed;
        }
        return new Coefficients(first, weights);
    }

    private static int clip8(long sum) {
        long v = sum >> PRECISION_BITS;
        return (int) Math.max(0, Math.min(255, v));
    }

    private static ByteImage horizontal(ByteImage image, int width) {
        Coefficients k = coefficients(image.width(), width);
        int h = image.height();
        int w = image.width();
        byte[] in = image.array();
        byte[] out = new byte[image.channels() * h * width];
        for (int c = 0; c < image.channels(); c++) {
            for (int y = 0; y < h; y++) {
                int row = (c * h + y) * w;
                for (int x = 0; x < width; x++) {
                    long sum = 1L << (PRECISION_BITS - 1);
                    int[] weights = k.weights()[x];
                    int start = row + k.first()[x];
                    for (int i = 0; i < weights.length; i++) {
                        sum += (long) (in[start + i] & 0xFF) * weights[i];
                    }
                    out[(c * h + y) * width + x] = (byte) clip8(sum);
                }
            }
        }
        return ByteImage.wrap(image.channels(), h, width, out);
    }

    private static ByteImage vertical(ByteImage image, int height) {
        Coefficients k = coefficients(image.height(), height);
        int h = image.height();
        int w = image.width();
        byte[] in = image.array();
        byte[] out = new byte[image.channels() * height * w];
        for (int c = 0; c < image.channels(); c++) {
            for (int y = 0; y < height; y++) {
                int[] weights = k.weights()[y];
                int start = c * h * w + k.first()[y] * w;
                for (int x = 0; x < w; x++) {
                    long sum = 1L << (PRECISION_BITS - 1);
                    for (int i = 0; i < weights.length; i++) {
                        sum += (long) (in[start + i * w + x] & 0xFF) * weights[i];
                    }
                    out[(c * height + y) * w + x] = (byte) clip8(sum);
                }
            }
        }
        return ByteImage.wrap(image.channels(), height, w, out);
    }
}
