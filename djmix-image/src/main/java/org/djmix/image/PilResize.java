package org.djmix.image;

/**
 * Resizes 8-bit images as PIL's {@code Image.resize} does, bit for bit, with its box filter ({@code
 * Image.BOX}) or its antialiased bilinear filter ({@code Image.BILINEAR}, what torchvision's {@code
 * Resize} and {@code RandomResizedCrop} use on PIL images). Output sample \(o\) of \(n_{out}\) is
 * centred at input position \(c = (o + \tfrac12)\,s\), \(s = n_{in}/n_{out}\); the filter is
 * stretched by \(\max(1, s)\) (antialiasing when shrinking) and its weights, from PIL's {@code
 * precompute_coeffs}, are normalised and held in 22-bit fixed point; the horizontal pass runs
 * first, and each pass rounds to 8 bits.
 *
 * <p>{@link #bilinear(ByteImage, Region, int, int, Region)} resizes a crop of the image (PIL's
 * {@code img.crop(box).resize(size)}: the filter stops at the crop's edges) and computes only a
 * window of the output (the same samples as resizing all of it, then cropping), so that
 * torchvision's {@code RandomResizedCrop} and {@code Resize} + {@code CenterCrop} cost one pass
 * over the pixels they keep.
 */
public final class PilResize {

    private static final int PRECISION_BITS = 32 - 8 - 2;

    private PilResize() {}

    /**
     * A rectangle of pixels.
     *
     * @param top the first row
     * @param left the first column
     * @param height the rows, &gt; 0
     * @param width the columns, &gt; 0
     */
    public record Region(int top, int left, int height, int width) {

        /**
         * Checks the size.
         *
         * @param top the first row
         * @param left the first column
         * @param height the rows, &gt; 0
         * @param width the columns, &gt; 0
         */
        public Region {
            if (height <= 0 || width <= 0 || top < 0 || left < 0) {
                throw new IllegalArgumentException(
                        "a region needs top, left >= 0 and a positive size, got "
                                + height
                                + "x"
                                + width
                                + " at ("
                                + top
                                + ", "
                                + left
                                + ")");
            }
        }

        /**
         * The whole of an image.
         *
         * @param height its rows
         * @param width its columns
         * @return the region
         */
        public static Region whole(int height, int width) {
            return new Region(0, 0, height, width);
        }

        private void checkInside(int h, int w, String what) {
            if (top + height > h || left + width > w) {
                throw new IllegalArgumentException(
                        what + " " + this + " does not fit in " + h + "x" + w);
            }
        }
    }

    /** PIL's filters: their support and shape. */
    private enum Filter {
        BOX(0.5) {
            @Override
            double weight(double x) {
                return x > -0.5 && x <= 0.5 ? 1.0 : 0.0;
            }
        },
        BILINEAR(1.0) {
            @Override
            double weight(double x) {
                double a = Math.abs(x);
                return a < 1.0 ? 1.0 - a : 0.0;
            }
        };

        private final double support;

        Filter(double support) {
            this.support = support;
        }

        abstract double weight(double x);
    }

    /**
     * Resizes with PIL's box filter ({@code Image.resize(size, Image.BOX)}).
     *
     * @param image the image
     * @param height the new height, &gt; 0
     * @param width the new width, &gt; 0
     * @return a new image
     */
    public static ByteImage box(ByteImage image, int height, int width) {
        Region all = Region.whole(image.height(), image.width());
        return resize(image, Filter.BOX, all, height, width, Region.whole(height, width));
    }

    /**
     * Resizes with PIL's bilinear filter ({@code Image.resize(size, Image.BILINEAR)}).
     *
     * @param image the image
     * @param height the new height, &gt; 0
     * @param width the new width, &gt; 0
     * @return a new image
     */
    public static ByteImage bilinear(ByteImage image, int height, int width) {
        Region all = Region.whole(image.height(), image.width());
        return resize(image, Filter.BILINEAR, all, height, width, Region.whole(height, width));
    }

    /**
     * Resizes a crop of the image to {@code height × width} with PIL's bilinear filter and returns
     * a window of the result.
     *
     * @param image the image
     * @param crop the part of the image that is resized (its edges bound the filter)
     * @param height the resized crop's height
     * @param width the resized crop's width
     * @param window the part of the resized crop to return, inside {@code height × width}
     * @return a new image of the window's size
     */
    public static ByteImage bilinear(
            ByteImage image, Region crop, int height, int width, Region window) {
        return resize(image, Filter.BILINEAR, crop, height, width, window);
    }

    private static ByteImage resize(
            ByteImage image, Filter filter, Region crop, int height, int width, Region window) {
        if (height <= 0 || width <= 0) {
            throw new IllegalArgumentException(
                    "height and width must be > 0, got " + height + "x" + width);
        }
        crop.checkInside(image.height(), image.width(), "crop");
        window.checkInside(height, width, "window");
        ByteImage out = image;
        boolean sameColumns =
                crop.left() == 0
                        && crop.width() == image.width()
                        && crop.width() == width
                        && window.width() == width;
        if (!sameColumns) {
            out = horizontal(out, filter, crop, width, window);
        } else if (crop.top() != 0 || crop.height() != image.height()) {
            out = rows(out, crop.top(), crop.height());
        }
        Region rows = new Region(0, 0, crop.height(), window.width());
        if (crop.height() != height || window.height() != height) {
            out = vertical(out, filter, rows, height, window);
        }
        return out == image ? image.copy() : out;
    }

    /**
     * PIL's coefficients: for each output sample, the first input index and fixed-point weights.
     */
    private record Coefficients(int[] first, int[][] weights) {}

    private static Coefficients coefficients(
            Filter filter, int start, int inSize, int outSize, int firstOut, int count) {
        double scale = (double) inSize / outSize;
        double filterScale = Math.max(scale, 1.0);
        double support = filter.support * filterScale;
        double inverse = 1.0 / filterScale;
        int[] first = new int[count];
        int[][] weights = new int[count][];
        for (int i = 0; i < count; i++) {
            int o = firstOut + i;
            double centre = (o + 0.5) * scale;
            int min = Math.max(0, (int) (centre - support + 0.5));
            int max = Math.min(inSize, (int) (centre + support + 0.5)) - min;
            double[] k = new double[Math.max(0, max)];
            double total = 0;
            for (int x = 0; x < k.length; x++) {
                k[x] = filter.weight((x + min - centre + 0.5) * inverse);
                total += k[x];
            }
            int[] fixed = new int[k.length];
            for (int x = 0; x < k.length; x++) {
                double normalised = total != 0 ? k[x] / total : k[x];
                fixed[x] = (int) (0.5 + normalised * (1 << PRECISION_BITS));
            }
            first[i] = start + min;
            weights[i] = fixed;
        }
        return new Coefficients(first, weights);
    }

    private static int clip8(long sum) {
        long v = sum >> PRECISION_BITS;
        return (int) Math.max(0, Math.min(255, v));
    }

    /** The rows of the crop, resized across to the window's columns. */
    private static ByteImage horizontal(
            ByteImage image, Filter filter, Region crop, int width, Region window) {
        Coefficients k =
                coefficients(
                        filter, crop.left(), crop.width(), width, window.left(), window.width());
        int h = crop.height();
        int w = image.width();
        int outWidth = window.width();
        byte[] in = image.array();
        byte[] out = new byte[image.channels() * h * outWidth];
        for (int c = 0; c < image.channels(); c++) {
            for (int y = 0; y < h; y++) {
                int row = (c * image.height() + crop.top() + y) * w;
                int target = (c * h + y) * outWidth;
                for (int x = 0; x < outWidth; x++) {
                    long sum = 1L << (PRECISION_BITS - 1);
                    int[] weights = k.weights()[x];
                    int start = row + k.first()[x];
                    for (int i = 0; i < weights.length; i++) {
                        sum += (long) (in[start + i] & 0xFF) * weights[i];
                    }
                    out[target + x] = (byte) clip8(sum);
                }
            }
        }
        return ByteImage.wrap(image.channels(), h, outWidth, out);
    }

    /** Rows {@code top .. top + count - 1} of every channel. */
    private static ByteImage rows(ByteImage image, int top, int count) {
        int w = image.width();
        byte[] out = new byte[image.channels() * count * w];
        for (int c = 0; c < image.channels(); c++) {
            System.arraycopy(
                    image.array(), (c * image.height() + top) * w, out, c * count * w, count * w);
        }
        return ByteImage.wrap(image.channels(), count, w, out);
    }

    /** The image's rows (the crop's, already cut), resized down to the window's rows. */
    private static ByteImage vertical(
            ByteImage image, Filter filter, Region rows, int height, Region window) {
        Coefficients k =
                coefficients(
                        filter, rows.top(), rows.height(), height, window.top(), window.height());
        int h = image.height();
        int w = image.width();
        int outHeight = window.height();
        byte[] in = image.array();
        byte[] out = new byte[image.channels() * outHeight * w];
        for (int c = 0; c < image.channels(); c++) {
            for (int y = 0; y < outHeight; y++) {
                int[] weights = k.weights()[y];
                int start = c * h * w + k.first()[y] * w;
                int target = (c * outHeight + y) * w;
                for (int x = 0; x < w; x++) {
                    long sum = 1L << (PRECISION_BITS - 1);
                    for (int i = 0; i < weights.length; i++) {
                        sum += (long) (in[start + i * w + x] & 0xFF) * weights[i];
                    }
                    out[target + x] = (byte) clip8(sum);
                }
            }
        }
        return ByteImage.wrap(image.channels(), outHeight, w, out);
    }
}
