package org.djmix.image;

/**
 * Resizes 8-bit images on pixel centres: output pixel \(i\) of \(n_{out}\) sits at input position
 * \(s = (i + \tfrac12)\frac{n_{in}}{n_{out}} - \tfrac12\) (PyTorch's {@code align_corners =
 * false}). {@link #bilinear} interpolates the four neighbours (clamped at the border, no
 * antialiasing, rounded to the nearest integer): for images. {@link #nearest} takes the sample
 * \(\lfloor (i + \tfrac12) n_{in} / n_{out} \rfloor\) (PIL's and torchvision's {@code NEAREST}):
 * for label masks, whose values must never be blended.
 */
public final class PixelCentreResize {

    private PixelCentreResize() {}

    /**
     * Resizes bilinearly.
     *
     * @param image the image
     * @param height the new height, &gt; 0
     * @param width the new width, &gt; 0
     * @return a new image
     */
    public static ByteImage bilinear(ByteImage image, int height, int width) {
        check(height, width);
        int h = image.height();
        int w = image.width();
        int[] y0 = new int[height];
        int[] y1 = new int[height];
        float[] fy = new float[height];
        positions(h, height, y0, y1, fy);
        int[] x0 = new int[width];
        int[] x1 = new int[width];
        float[] fx = new float[width];
        positions(w, width, x0, x1, fx);
        byte[] in = image.array();
        ByteImage result = ByteImage.zeros(image.channels(), height, width);
        byte[] out = result.array();
        for (int c = 0; c < image.channels(); c++) {
            int plane = c * h * w;
            int target = c * height * width;
            for (int y = 0; y < height; y++) {
                int top = plane + y0[y] * w;
                int bottom = plane + y1[y] * w;
                for (int x = 0; x < width; x++) {
                    float upper = lerp(in[top + x0[x]], in[top + x1[x]], fx[x]);
                    float lower = lerp(in[bottom + x0[x]], in[bottom + x1[x]], fx[x]);
                    float value = upper + (lower - upper) * fy[y];
                    out[target + y * width + x] = (byte) Math.round(value);
                }
            }
        }
        return result;
    }

    /**
     * Resizes by nearest neighbour.
     *
     * @param image the image or mask
     * @param height the new height, &gt; 0
     * @param width the new width, &gt; 0
     * @return a new image holding only values of the input
     */
    public static ByteImage nearest(ByteImage image, int height, int width) {
        check(height, width);
        int h = image.height();
        int w = image.width();
        int[] rows = new int[height];
        for (int y = 0; y < height; y++) {
            rows[y] = Math.min(h - 1, (int) Math.floor((y + 0.5) * h / height));
        }
        int[] columns = new int[width];
        for (int x = 0; x < width; x++) {
            columns[x] = Math.min(w - 1, (int) Math.floor((x + 0.5) * w / width));
        }
        byte[] in = image.array();
        ByteImage result = ByteImage.zeros(image.channels(), height, width);
        byte[] out = result.array();
        for (int c = 0; c < image.channels(); c++) {
            for (int y = 0; y < height; y++) {
                int source = c * h * w + rows[y] * w;
                int target = (c * height + y) * width;
                for (int x = 0; x < width; x++) {
                    out[target + x] = in[source + columns[x]];
                }
            }
        }
        return result;
    }

    private static void positions(int in, int out, int[] low, int[] high, float[] fraction) {
        double scale = (double) in / out;
        for (int i = 0; i < out; i++) {
            double s = Math.max(0, (i + 0.5) * scale - 0.5);
            int l = Math.min((int) Math.floor(s), in - 1);
            low[i] = l;
            high[i] = Math.min(l + 1, in - 1);
            fraction[i] = (float) (s - l);
        }
    }

    private static float lerp(byte a, byte b, float t) {
        int x = a & 0xFF;
        return x + ((b & 0xFF) - x) * t;
    }

    private static void check(int height, int width) {
        if (height <= 0 || width <= 0) {
            throw new IllegalArgumentException(
                    "height and width must be > 0, got " + height + "x" + width);
        }
    }
}
