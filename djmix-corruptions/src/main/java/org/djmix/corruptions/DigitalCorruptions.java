package org.djmix.corruptions;

import java.util.random.RandomGenerator;
import org.djmix.image.BilinearAffineWarp;
import org.djmix.image.BilinearRemap;
import org.djmix.image.BorderMode;
import org.djmix.image.ByteImage;
import org.djmix.image.DoubleImage;
import org.djmix.image.GaussianFilter;
import org.djmix.image.PilResize;

/**
 * The digital corruptions (Hendrycks and Dietterich 2019): contrast (towards each channel's mean),
 * elastic transform (random affine, then smoothed random displacements), pixelate (box down- and
 * up-sampling), JPEG (libjpeg's quality scaling) and saturate (S·a + b in HSV).
 */
final class DigitalCorruptions {

    private DigitalCorruptions() {}

    static ByteImage contrast(
            ByteImage image, double[] p, CorruptionProfile profile, RandomGenerator random) {
        DoubleImage x = DoubleImage.fromBytes(image);
        double[] v = x.array();
        int plane = x.height() * x.width();
        for (int c = 0; c < x.channels(); c++) {
            double sum = 0;
            for (int i = c * plane; i < (c + 1) * plane; i++) {
                sum += v[i];
            }
            double mean = sum / plane;
            for (int i = c * plane; i < (c + 1) * plane; i++) {
                v[i] = (v[i] - mean) * p[0] + mean;
            }
        }
        return x.toBytesTruncated();
    }

    /**
     * The reference's elastic transform: three points around the centre moved by U(−a, a) define an
     * affine warp (mirrored border), then every pixel is displaced by α times U(−1, 1) fields
     * smoothed with a Gaussian (σ, mirrored border, truncate 3) and resampled bilinearly.
     */
    static ByteImage elastic(
            ByteImage image, double[] p, CorruptionProfile profile, RandomGenerator random) {
        double alpha = p[0];
        double sigma = p[1];
        double affine = p[2];
        int h = image.height();
        int w = image.width();
        DoubleImage x = DoubleImage.fromBytes(image);
        // the reference builds the points from (H//2, W//2) and min(H, W)//3 in float32
        double cy = Math.floor(h / 2.0);
        double cx = Math.floor(w / 2.0);
        double s = Math.min(h, w) / 3;
        double[] from = {cy + s, cx + s, cy + s, cx - s, cy - s, cx - s};
        double[] to = new double[6];
        for (int i = 0; i < 6; i++) {
            from[i] = (float) from[i];
            to[i] = (float) (from[i] + (float) Randoms.uniform(random, -affine, affine));
        }
        DoubleImage warped = BilinearAffineWarp.warp(x, BilinearAffineWarp.fromPoints(from, to));
        double[] dx = displacement(h, w, alpha, sigma, random);
        double[] dy = displacement(h, w, alpha, sigma, random);
        double[] rows = new double[h * w];
        double[] columns = new double[h * w];
        for (int y = 0; y < h; y++) {
            for (int xx = 0; xx < w; xx++) {
                rows[y * w + xx] = y + dy[y * w + xx];
                columns[y * w + xx] = xx + dx[y * w + xx];
            }
        }
        return BilinearRemap.remap(warped, rows, columns).toBytesTruncated();
    }

    private static double[] displacement(
            int h, int w, double alpha, double sigma, RandomGenerator random) {
        double[] field = new double[h * w];
        for (int i = 0; i < field.length; i++) {
            field[i] = Randoms.uniform(random, -1, 1);
        }
        double[] smooth =
                GaussianFilter.blur(DoubleImage.wrap(1, h, w, field), sigma, 3, BorderMode.REFLECT)
                        .array();
        for (int i = 0; i < smooth.length; i++) {
            smooth[i] = (float) (smooth[i] * alpha);
        }
        return smooth;
    }

    static ByteImage pixelate(
            ByteImage image, double[] p, CorruptionProfile profile, RandomGenerator random) {
        int h = image.height();
        int w = image.width();
        return PilResize.box(
                PilResize.box(image, pixelatedSide(h, p[0]), pixelatedSide(w, p[0])), h, w);
    }

    /** The side pixelate shrinks to: {@code int(side * fraction)}, as the reference computes it. */
    static int pixelatedSide(int side, double fraction) {
        return Math.max(1, (int) (side * fraction));
    }

    static ByteImage jpeg(
            ByteImage image, double[] p, CorruptionProfile profile, RandomGenerator random) {
        return LibjpegCodec.roundTrip(image, (int) p[0]);
    }

    static ByteImage saturate(
            ByteImage image, double[] p, CorruptionProfile profile, RandomGenerator random) {
        return HsvAdjustment.apply(image, p[0], p[1], 1);
    }
}
