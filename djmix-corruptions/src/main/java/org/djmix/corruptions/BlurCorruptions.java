package org.djmix.corruptions;

import java.util.random.RandomGenerator;
import org.djmix.image.BorderMode;
import org.djmix.image.ByteImage;
import org.djmix.image.Correlation;
import org.djmix.image.DoubleImage;
import org.djmix.image.GaussianFilter;
import org.djmix.image.Zoom;

/**
 * The blur corruptions (Hendrycks and Dietterich 2019): defocus (disk kernel), glass (blur, local
 * pixel copies, blur), motion (a line kernel at a random angle), zoom (the mean of centre zooms)
 * and Gaussian.
 */
final class BlurCorruptions {

    /** skimage's {@code gaussian} defaults: nearest border, kernel to 4σ. */
    private static final double TRUNCATE = 4;

    private BlurCorruptions() {}

    static ByteImage defocus(
            ByteImage image, double[] p, CorruptionProfile profile, RandomGenerator random) {
        double[] kernel = DiskKernel.of(p[0], p[1]);
        int side = (int) Math.round(Math.sqrt(kernel.length));
        return Correlation.filter2d(DoubleImage.fromBytes(image), kernel, side, BorderMode.MIRROR)
                .toBytesTruncated();
    }

    /**
     * Blur, then for each iteration and each pixel (rows and columns from the far edge inwards)
     * copy the pixel at a random offset in [−δ, δ)² onto it — the reference's "swap" is a copy
     * through NumPy views, and the published datasets were made that way — then blur again.
     */
    static ByteImage glass(
            ByteImage image, double[] p, CorruptionProfile profile, RandomGenerator random) {
        double sigma = p[0];
        int delta = (int) p[1];
        int iterations = (int) p[2];
        ByteImage pixels =
                GaussianFilter.blur(
                                DoubleImage.fromBytes(image), sigma, TRUNCATE, BorderMode.NEAREST)
                        .toBytesTruncated();
        byte[] v = pixels.array();
        int h = image.height();
        int w = image.width();
        int plane = h * w;
        int channels = image.channels();
        for (int it = 0; it < iterations; it++) {
            for (int y = h - delta; y > delta; y--) {
                for (int x = w - delta; x > delta; x--) {
                    int dx = Randoms.integer(random, -delta, delta);
                    int dy = Randoms.integer(random, -delta, delta);
                    int from = (y + dy) * w + x + dx;
                    for (int c = 0; c < channels; c++) {
                        v[c * plane + y * w + x] = v[c * plane + from];
                    }
                }
            }
        }
        return GaussianFilter.blur(
                        DoubleImage.fromBytes(pixels), sigma, TRUNCATE, BorderMode.NEAREST)
                .toBytesTruncated();
    }

    static ByteImage motion(
            ByteImage image, double[] p, CorruptionProfile profile, RandomGenerator random) {
        double angle = Randoms.uniform(random, -45, 45);
        return MotionBlur.blur(DoubleImage.fromBytes(image), p[0], p[1], angle).toBytesTruncated();
    }

    /** The mean of the image and its centre zooms, in float32 as the reference computes it. */
    static ByteImage zoom(
            ByteImage image, double[] p, CorruptionProfile profile, RandomGenerator random) {
        DoubleImage x = DoubleImage.fromBytes(image);
        double[] v = x.array();
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) v[i];
        }
        double[] factors = zoomFactors(p[0], p[1], p[2]);
        float[] sum = new float[v.length];
        for (double factor : factors) {
            double[] zoomed = Zoom.centreZoom(x, factor).array();
            for (int i = 0; i < sum.length; i++) {
                sum[i] += (float) zoomed[i];
            }
        }
        byte[] out = new byte[v.length];
        float count = factors.length + 1;
        for (int i = 0; i < sum.length; i++) {
            float mean = ((float) v[i] + sum[i]) / count;
            out[i] = (byte) (int) (Math.min(1f, Math.max(0f, mean)) * 255);
        }
        return ByteImage.wrap(image.channels(), image.height(), image.width(), out);
    }

    /**
     * The zoom factors {@code np.arange(start, stop, step)}: \(\lceil (stop - start)/step\rceil\)
     * values \(start + i\,\delta\) with NumPy's \(\delta = (start + step) - start\), so that {@code
     * arange(1, 1.06, 0.01)} ends at 1.06.
     */
    static double[] zoomFactors(double start, double stop, double step) {
        int count = (int) Math.ceil((stop - start) / step);
        double delta = (start + step) - start;
        double[] factors = new double[count];
        for (int i = 0; i < count; i++) {
            factors[i] = start + i * delta;
        }
        return factors;
    }

    static ByteImage gaussian(
            ByteImage image, double[] p, CorruptionProfile profile, RandomGenerator random) {
        return GaussianFilter.blur(DoubleImage.fromBytes(image), p[0], TRUNCATE, BorderMode.NEAREST)
                .toBytesTruncated();
    }
}
