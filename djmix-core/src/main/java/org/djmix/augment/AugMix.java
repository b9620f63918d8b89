package org.djmix.augment;

import java.util.List;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.djmix.image.ByteImage;

/**
 * AugMix's mixing (Hendrycks et al. 2020, Algorithm 1): \(x_{aug} = (1-m)\,x + m \sum_{i=1}^{k}
 * w_i\,\mathrm{chain}_i(x)\) with \(w \sim \mathrm{Dirichlet}(\alpha,\dots,\alpha)\), \(m \sim
 * \mathrm{Beta}(\alpha, \alpha)\), \(k\) = width.
 *
 * <p>The reference mixes normalised tensors; since the weights sum to one, mixing in [0, 1] and
 * normalising afterwards is the same.
 */
public final class AugMix implements ImageAugmentation {

    private final AugMixChain chain;
    private final int width;
    private final double alpha;

    /**
     * Creates AugMix with the paper's CIFAR settings except for the op list: width 3, depth 1–3,
     * severity 3, \(\alpha = 1\).
     *
     * @param ops the ops ({@link AugMixOp#DEFAULT}, or {@link AugMixOp#DEFAULT_WITHOUT_GEOMETRY}
     *     for "w/o GT")
     * @return the augmentation
     */
    public static AugMix cifar(List<AugMixOp> ops) {
        return new AugMix(new AugMixChain(ops, 0, 3), 3, 1);
    }

    /**
     * Creates AugMix.
     *
     * @param chain how each of the {@code width} chains is drawn
     * @param width the number of chains \(k\), &gt; 0
     * @param alpha the Dirichlet and Beta parameter \(\alpha\), &gt; 0
     */
    public AugMix(AugMixChain chain, int width, double alpha) {
        if (width <= 0) {
            throw new IllegalArgumentException("width must be > 0, got " + width);
        }
        if (!(alpha > 0)) {
            throw new IllegalArgumentException("alpha must be > 0, got " + alpha);
        }
        this.chain = chain;
        this.width = width;
        this.alpha = alpha;
    }

    @Override
    public float[] apply(ByteImage image, RandomGenerator random) {
        float[] weights = dirichlet(random);
        float m = (float) new BetaDistribution(random, alpha, alpha).sample();
        float[] mix = new float[image.channels() * image.height() * image.width()];
        for (int i = 0; i < width; i++) {
            float[] augmented = chain.apply(image, random);
            for (int j = 0; j < mix.length; j++) {
                mix[j] += weights[i] * augmented[j];
            }
        }
        float[] clean = image.toUnitFloats();
        for (int j = 0; j < mix.length; j++) {
            mix[j] = (1 - m) * clean[j] + m * mix[j];
        }
        return mix;
    }

    private float[] dirichlet(RandomGenerator random) {
        GammaDistribution gamma = new GammaDistribution(random, alpha, 1);
        double[] draws = new double[width];
        double sum = 0;
        for (int i = 0; i < width; i++) {
            draws[i] = gamma.sample();
            sum += draws[i];
        }
        float[] weights = new float[width];
        for (int i = 0; i < width; i++) {
            weights[i] = (float) (draws[i] / sum);
        }
        return weights;
    }
}
