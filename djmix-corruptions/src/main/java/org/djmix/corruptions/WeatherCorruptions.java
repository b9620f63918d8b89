package org.djmix.corruptions;

import java.util.random.RandomGenerator;
import org.djmix.image.ByteImage;
import org.djmix.image.DoubleImage;
import org.djmix.image.Zoom;

/**
 * The weather corruptions (Hendrycks and Dietterich 2019): snow (a zoomed, thresholded,
 * motion-blurred noise layer over a whitened image), frost (a random crop of a frost texture
 * blended in), fog (a plasma fractal added, then contrast reduced) and brightness (V + c in HSV).
 */
final class WeatherCorruptions {

    private WeatherCorruptions() {}

    static ByteImage snow(
            ByteImage image, double[] p, CorruptionProfile profile, RandomGenerator random) {
        DoubleImage x = DoubleImage.fromBytes(image);
        int h = x.height();
        int w = x.width();
        int plane = h * w;
        DoubleImage layer = DoubleImage.zeros(1, h, w);
        double[] l = layer.array();
        for (int i = 0; i < plane; i++) {
            l[i] = Randoms.normal(random, p[0], p[1]);
        }
        l = Zoom.centreZoom(layer, p[2]).array();
        for (int i = 0; i < plane; i++) {
            // below the threshold: no snow; then 8 bits, as the reference's PIL image
            double v = l[i] < p[3] ? 0 : Math.min(1, Math.max(0, l[i]));
            l[i] = (int) (v * 255) / 255.0;
        }
        double angle = Randoms.uniform(random, -135, -45);
        double[] blurred = MotionBlur.blur(DoubleImage.wrap(1, h, w, l), p[4], p[5], angle).array();
        for (int i = 0; i < plane; i++) {
            blurred[i] = Math.round(Math.min(1, Math.max(0, blurred[i])) * 255) / 255.0;
        }
        double blend = p[6];
        double[] v = x.array();
        int channels = x.channels();
        for (int i = 0; i < plane; i++) {
            double grey =
                    channels == 3
                            ? 0.299 * v[i] + 0.587 * v[plane + i] + 0.114 * v[2 * plane + i]
                            : v[i];
            double flakes = blurred[i] + blurred[plane - 1 - i];
            for (int c = 0; c < channels; c++) {
                double s = v[c * plane + i];
                double whitened = blend * s + (1 - blend) * Math.max(s, grey * 1.5 + 0.5);
                v[c * plane + i] = whitened + flakes;
            }
        }
        return x.toBytesTruncated();
    }

    static ByteImage frost(
            ByteImage image, double[] p, CorruptionProfile profile, RandomGenerator random) {
        int index = Randoms.integer(random, 0, FrostTextures.count());
        int h = image.height();
        int w = image.width();
        ByteImage base = FrostTextures.get(index, 1);
        double cover =
                Math.max((double) h / (base.height() * p[2]), (double) w / (base.width() * p[2]));
        double scale = cover > 1 ? p[2] * cover * 1.0001 : p[2];
        ByteImage texture = FrostTextures.get(index, scale);
        int top = Randoms.integer(random, 0, Math.max(1, texture.height() - h));
        int left = Randoms.integer(random, 0, Math.max(1, texture.width() - w));
        DoubleImage x = DoubleImage.fromBytes(image);
        double[] v = x.array();
        byte[] t = texture.array();
        int tPlane = texture.height() * texture.width();
        for (int c = 0; c < x.channels(); c++) {
            int tc = x.channels() == 3 ? c : 1;
            for (int y = 0; y < h; y++) {
                for (int xx = 0; xx < w; xx++) {
                    int i = (c * h + y) * w + xx;
                    double frost =
                            (t[tc * tPlane + (top + y) * texture.width() + left + xx] & 0xFF)
                                    / 255.0;
                    v[i] = p[0] * v[i] + p[1] * frost;
                }
            }
        }
        return x.toBytesTruncated();
    }

    static ByteImage fog(
            ByteImage image, double[] p, CorruptionProfile profile, RandomGenerator random) {
        DoubleImage x = DoubleImage.fromBytes(image);
        int h = x.height();
        int w = x.width();
        int size = Integer.highestOneBit(Math.max(2, Math.max(h, w)) - 1) << 1;
        double[] map = PlasmaFractal.of(size, p[1], random);
        double[] v = x.array();
        double max = 0;
        for (double value : v) {
            max = Math.max(max, value);
        }
        double strength = p[0];
        for (int c = 0; c < x.channels(); c++) {
            for (int y = 0; y < h; y++) {
                for (int xx = 0; xx < w; xx++) {
                    int i = (c * h + y) * w + xx;
                    v[i] = (v[i] + strength * map[y * size + xx]) * max / (max + strength);
                }
            }
        }
        return x.toBytesTruncated();
    }

    static ByteImage brightness(
            ByteImage image, double[] p, CorruptionProfile profile, RandomGenerator random) {
        return HsvAdjustment.apply(image, 1, p[0], 2);
    }
}
