package org.djmix.image;

/**
 * Per-sample look-up-table operations with the exact integer semantics of PIL's {@code ImageOps}:
 * each channel is mapped through its own 256-entry table, entries clipped to [0, 255].
 */
public final class PointOps {

    private PointOps() {}

    /**
     * Stretches each channel so its darkest sample becomes 0 and its brightest 255 ({@code
     * ImageOps.autocontrast(image, cutoff=0)}): \(v' = \lfloor v s - lo\,s \rfloor\), \(s =
     * 255/(hi-lo)\); a flat channel is left unchanged.
     *
     * @param image the image
     * @return a new image
     */
    public static ByteImage autocontrast(ByteImage image) {
        int[][] luts = new int[image.channels()][];
        for (int c = 0; c < image.channels(); c++) {
            int[] histogram = histogram(image, c);
            int lo = 0;
            while (lo < 256 && histogram[lo] == 0) {
                lo++;
            }
            int hi = 255;
            while (hi >= 0 && histogram[hi] == 0) {
                hi--;
            }
            if (hi <= lo) {
                luts[c] = identity();
            } else {
                double scale = 255.0 / (hi - lo);
                double offset = -lo * scale;
                int[] lut = new int[256];
                for (int i = 0; i < 256; i++) {
                    lut[i] = (int) (i * scale + offset);
                }
                luts[c] = lut;
            }
        }
        return apply(image, luts);
    }

    /**
     * Equalises each channel's histogram ({@code ImageOps.equalize}): with step \(= \lfloor (N -
     * h_{last})/255 \rfloor\), sample \(i\) maps to \(\lfloor (\lfloor step/2 \rfloor + \sum_{j
     * &lt; i} h_j)/step \rfloor\); a channel with one level (or a zero step) is left unchanged.
     *
     * @param image the image
     * @return a new image
     */
    public static ByteImage equalize(ByteImage image) {
        int[][] luts = new int[image.channels()][];
        for (int c = 0; c < image.channels(); c++) {
            int[] histogram = histogram(image, c);
            long total = 0;
            long last = 0;
            int levels = 0;
            for (int count : histogram) {
                if (count != 0) {
                    total += count;
                    last = count;
                    levels++;
                }
            }
            long step = levels <= 1 ? 0 : (total - last) / 255;
            if (step == 0) {
                luts[c] = identity();
                continue;
            }
            int[] lut = new int[256];
            long n = step / 2;
            for (int i = 0; i < 256; i++) {
                lut[i] = (int) (n / step);
                n += histogram[i];
            }
            luts[c] = lut;
        }
        return apply(image, luts);
    }

    /**
     * Keeps the {@code bits} most significant bits of every sample ({@code ImageOps.posterize}).
     *
     * @param image the image
     * @param bits how many bits to keep, 1 to 8
     * @return a new image
     */
    public static ByteImage posterize(ByteImage image, int bits) {
        if (bits < 1 || bits > 8) {
            throw new IllegalArgumentException("bits must be in [1, 8], got " + bits);
        }
        int mask = ~((1 << (8 - bits)) - 1);
        int[] lut = new int[256];
        for (int i = 0; i < 256; i++) {
            lut[i] = i & mask;
        }
        return apply(image, sameForEveryChannel(image, lut));
    }

    /**
     * Inverts every sample at or above {@code threshold} ({@code ImageOps.solarize}): \(v' = v\) if
     * \(v &lt; t\), else \(255 - v\).
     *
     * @param image the image
     * @param threshold the threshold, 0 to 256 (256 leaves the image unchanged)
     * @return a new image
     */
    public static ByteImage solarize(ByteImage image, int threshold) {
        if (threshold < 0 || threshold > 256) {
            throw new IllegalArgumentException("threshold must be in [0, 256], got " + threshold);
        }
        int[] lut = new int[256];
        for (int i = 0; i < 256; i++) {
            lut[i] = i < threshold ? i : 255 - i;
        }
        return apply(image, sameForEveryChannel(image, lut));
    }

    /**
     * Counts the samples of each value in one channel.
     *
     * @param image the image
     * @param channel the channel
     * @return 256 counts
     */
    public static int[] histogram(ByteImage image, int channel) {
        int[] histogram = new int[256];
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                histogram[image.get(channel, y, x)]++;
            }
        }
        return histogram;
    }

    private static ByteImage apply(ByteImage image, int[][] luts) {
        ByteImage out = image.blank();
        for (int c = 0; c < image.channels(); c++) {
            int[] lut = luts[c];
            for (int y = 0; y < image.height(); y++) {
                for (int x = 0; x < image.width(); x++) {
                    int v = lut[image.get(c, y, x)];
                    out.set(c, y, x, Math.max(0, Math.min(255, v)));
                }
            }
        }
        return out;
    }

    private static int[][] sameForEveryChannel(ByteImage image, int[] lut) {
        int[][] luts = new int[image.channels()][];
        java.util.Arrays.fill(luts, lut);
        return luts;
    }

    private static int[] identity() {
        int[] lut = new int[256];
        for (int i = 0; i < 256; i++) {
            lut[i] = i;
        }
        return lut;
    }
}
