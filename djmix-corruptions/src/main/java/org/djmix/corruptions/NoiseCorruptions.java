package org.djmix.corruptions;

import java.util.random.RandomGenerator;
import org.djmix.image.ByteImage;
import org.djmix.image.DoubleImage;

/**
 * The noise corruptions, per sample of \(x \in [0, 1]\), clipped to [0, 1]: Gaussian \(x +
 * \mathcal{N}(0, \sigma^2)\), shot \(\mathrm{Poisson}(\lambda x)/\lambda\), impulse (each sample
 * set to 0 or 1, half each, with probability a) and speckle \(x + x\,\mathcal{N}(0, \sigma^2)\).
 */
final class NoiseCorruptions {

    private NoiseCorruptions() {}

    static ByteImage gaussian(
            ByteImage image, double[] p, CorruptionProfile profile, RandomGenerator random) {
        DoubleImage x = DoubleImage.fromBytes(image);
        double[] v = x.array();
        for (int i = 0; i < v.length; i++) {
            v[i] += Randoms.normal(random, 0, p[0]);
        }
        return x.toBytesTruncated();
    }

    static ByteImage shot(
            ByteImage image, double[] p, CorruptionProfile profile, RandomGenerator random) {
        double[][] tables = Randoms.poissonTables(p[0]);
        byte[] in = image.array();
        double[] v = new double[in.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = Randoms.sample(tables[in[i] & 0xFF], random) / p[0];
        }
        return DoubleImage.wrap(image.channels(), image.height(), image.width(), v)
                .toBytesTruncated();
    }

    static ByteImage impulse(
            ByteImage image, double[] p, CorruptionProfile profile, RandomGenerator random) {
        DoubleImage x = DoubleImage.fromBytes(image);
        double[] v = x.array();
        for (int i = 0; i < v.length; i++) {
            if (random.nextDouble() < p[0]) {
                v[i] = random.nextDouble() < 0.5 ? 1 : 0;
            }
        }
        return x.toBytesTruncated();
    }

    static ByteImage speckle(
            ByteImage image, double[] p, CorruptionProfile profile, RandomGenerator random) {
        DoubleImage x = DoubleImage.fromBytes(image);
        double[] v = x.array();
        for (int i = 0; i < v.length; i++) {
            v[i] += v[i] * Randoms.normal(random, 0, p[0]);
        }
        return x.toBytesTruncated();
    }
}
