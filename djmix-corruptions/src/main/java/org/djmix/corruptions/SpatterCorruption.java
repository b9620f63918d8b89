package org.djmix.corruptions;

import java.util.random.RandomGenerator;
import org.djmix.image.BorderMode;
import org.djmix.image.ByteImage;
import org.djmix.image.Correlation;
import org.djmix.image.DoubleImage;
import org.djmix.image.GaussianFilter;

/**
 * Spatter, a validation corruption: a blurred, thresholded noise layer becomes either water (pale
 * turquoise, shaded by the distance to its Canny edges, as the reference builds it with OpenCV) or
 * mud (brown, where the smoothed layer exceeds 0.8).
 */
final class SpatterCorruption {

    private static final double[] WATER = {175 / 255.0, 238 / 255.0, 238 / 255.0};
    private static final double[] MUD = {63 / 255.0, 42 / 255.0, 20 / 255.0};
    private static final double[] BOX3 = {1 / 3.0, 1 / 3.0, 1 / 3.0};
    private static final double[] EMBOSS = {-2, -1, 0, -1, 1, 1, 0, 1, 2};

    private SpatterCorruption() {}

    static ByteImage apply(
            ByteImage image, double[] p, CorruptionProfile profile, RandomGenerator random) {
        int h = image.height();
        int w = image.width();
        int plane = h * w;
        double[] liquid = new double[plane];
        for (int i = 0; i < plane; i++) {
            liquid[i] = Randoms.normal(random, p[0], p[1]);
        }
        liquid =
                GaussianFilter.blur(DoubleImage.wrap(1, h, w, liquid), p[2], 4, BorderMode.NEAREST)
                        .array();
        for (int i = 0; i < plane; i++) {
            if (liquid[i] < p[3]) {
                liquid[i] = 0;
            }
        }
        DoubleImage x = DoubleImage.fromBytes(image);
        double[] v = x.array();
        if (p[5] == 0) {
            double[] m = waterMask(liquid, h, w);
            for (int c = 0; c < x.channels(); c++) {
                double colour = WATER[c];
                for (int i = 0; i < plane; i++) {
                    v[c * plane + i] += m[i] * p[4] * colour;
                }
            }
        } else {
            double[] mask = new double[plane];
            for (int i = 0; i < plane; i++) {
                mask[i] = liquid[i] > p[3] ? 1 : 0;
            }
            mask =
                    GaussianFilter.blur(
                                    DoubleImage.wrap(1, h, w, mask), p[4], 4, BorderMode.NEAREST)
                            .array();
            for (int c = 0; c < x.channels(); c++) {
                for (int i = 0; i < plane; i++) {
                    double m = mask[i] < 0.8 ? 0 : mask[i];
                    v[c * plane + i] = v[c * plane + i] * (1 - m) + MUD[c] * m;
                }
            }
        }
        return x.toBytesTruncated();
    }

    /** The water's strength per pixel, normalised to a maximum of 1. */
    private static double[] waterMask(double[] liquid, int h, int w) {
        int plane = h * w;
        int[] grey = new int[plane];
        for (int i = 0; i < plane; i++) {
            grey[i] = ((int) (liquid[i] * 255)) & 0xFF;
        }
        boolean[] edges = CannyEdges.edges(grey, h, w, 50, 150);
        double[] dist = ChamferDistance.distances(edges, h, w);
        for (int i = 0; i < plane; i++) {
            dist[i] = Math.min(dist[i], 20);
        }
        int[] levels = new int[plane];
        double[] blurred = box3(dist, h, w);
        for (int i = 0; i < plane; i++) {
            levels[i] = (int) blurred[i];
        }
        levels = equalise(levels);
        double[] embossed =
                Correlation.filter2d(
                                DoubleImage.wrap(1, h, w, toDoubles(levels)),
                                EMBOSS,
                                3,
                                BorderMode.MIRROR)
                        .array();
        for (int i = 0; i < plane; i++) {
            embossed[i] = saturate8(embossed[i]);
        }
        double[] shade = box3(embossed, h, w);
        double[] m = new double[plane];
        double max = 0;
        for (int i = 0; i < plane; i++) {
            shade[i] = saturate8(shade[i]);
            m[i] = grey[i] * shade[i];
            max = Math.max(max, m[i]);
        }
        for (int i = 0; i < plane; i++) {
            m[i] = max > 0 ? m[i] / max : 0;
        }
        return m;
    }

    /** OpenCV's normalised 3×3 box filter ({@code cv2.blur}), mirrored border. */
    private static double[] box3(double[] values, int h, int w) {
        DoubleImage image = DoubleImage.wrap(1, h, w, values);
        return Correlation.alongRows(
                        Correlation.alongColumns(image, BOX3, BorderMode.MIRROR),
                        BOX3,
                        BorderMode.MIRROR)
                .array();
    }

    /** OpenCV's {@code equalizeHist}. */
    private static int[] equalise(int[] levels) {
        int[] histogram = new int[256];
        for (int level : levels) {
            histogram[level]++;
        }
        int first = 0;
        while (histogram[first] == 0) {
            first++;
        }
        int[] out = new int[levels.length];
        if (histogram[first] == levels.length) {
            java.util.Arrays.fill(out, first);
            return out;
        }
        float scale = 255f / (levels.length - histogram[first]);
        int[] lut = new int[256];
        int sum = 0;
        for (int i = first + 1; i < 256; i++) {
            sum += histogram[i];
            lut[i] = (int) saturate8(sum * scale);
        }
        for (int i = 0; i < levels.length; i++) {
            out[i] = lut[levels[i]];
        }
        return out;
    }

    /** OpenCV's {@code saturate_cast<uchar>}: round half to even, clamp to [0, 255]. */
    private static double saturate8(double value) {
        return Math.max(0, Math.min(255, Math.rint(value)));
    }

    private static double[] toDoubles(int[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }
}
