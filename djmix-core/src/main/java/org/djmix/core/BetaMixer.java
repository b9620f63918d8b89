package org.djmix.core;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * DJMix's mixing: \(\tilde{x} = \beta x + (1-\beta) g(x)\), \(\beta \sim \mathrm{Beta}(\beta_0,
 * \beta_1)\) drawn once per sample (defaults \(\beta_0 = 1\), \(\beta_1 = 0.5\), so \(E[\beta] =
 * 2/3\)), or a fixed \(\beta\) (\(\beta = 0\) is the "no mixing" ablation).
 */
public final class BetaMixer {

    private final double beta0;
    private final double beta1;
    private final double fixedBeta;

    private BetaMixer(double beta0, double beta1, double fixedBeta) {
        this.beta0 = beta0;
        this.beta1 = beta1;
        this.fixedBeta = fixedBeta;
    }

    /**
     * Returns the paper's mixer, \(\beta \sim \mathrm{Beta}(1, 0.5)\).
     *
     * @return the mixer
     */
    public static BetaMixer paper() {
        return beta(1.0, 0.5);
    }

    /**
     * Returns a mixer drawing \(\beta \sim \mathrm{Beta}(\beta_0, \beta_1)\).
     *
     * @param beta0 the first shape parameter, &gt; 0
     * @param beta1 the second shape parameter, &gt; 0
     * @return the mixer
     */
    public static BetaMixer beta(double beta0, double beta1) {
        if (!(beta0 > 0) || Double.isInfinite(beta0)) {
            throw new IllegalArgumentException("beta0 must be a finite value > 0, got " + beta0);
        }
        if (!(beta1 > 0) || Double.isInfinite(beta1)) {
            throw new IllegalArgumentException("beta1 must be a finite value > 0, got " + beta1);
        }
        return new BetaMixer(beta0, beta1, Double.NaN);
    }

    /**
     * Returns a mixer with the same \(\beta\) for every sample.
     *
     * @param beta \(\beta \in [0, 1]\); 1 returns \(x\), 0 returns \(g(x)\), exactly
     * @return the mixer
     */
    public static BetaMixer fixed(double beta) {
        if (!(beta >= 0 && beta <= 1)) {
            throw new IllegalArgumentException("beta must be in [0, 1], got " + beta);
        }
        return new BetaMixer(Double.NaN, Double.NaN, beta);
    }

    /**
     * Draws one \(\beta\) per sample.
     *
     * @param count how many
     * @param random the random source
     * @return the draws, in [0, 1]
     */
    public double[] sample(int count, RandomGenerator random) {
        if (!Double.isNaN(fixedBeta)) {
            double[] betas = new double[count];
            Arrays.fill(betas, fixedBeta);
            return betas;
        }
        return new BetaDistribution(random, beta0, beta1).sample(count);
    }

    /**
     * Mixes a batch with its discretized copy, one \(\beta\) per sample.
     *
     * @param images \(x\), shape (N, …), float
     * @param discretized \(g(x)\), same shape and device
     * @param random the random source
     * @return \(\tilde{x}\), same shape and device
     */
    public NDArray mix(NDArray images, NDArray discretized, RandomGenerator random) {
        Shape shape = images.getShape();
        if (shape.dimension() < 1 || shape.get(0) <= 0) {
            throw new IllegalArgumentException(
                    "images must have a batch axis of size > 0, got shape " + shape);
        }
        if (!shape.equals(discretized.getShape())) {
            throw new IllegalArgumentException(
                    "discretized must have the images' shape "
                            + shape
                            + ", got "
                            + discretized.getShape());
        }
        int batch = Math.toIntExact(shape.get(0));
        double[] draws = sample(batch, random);
        float[] betas = new float[batch];
        for (int i = 0; i < batch; i++) {
            betas[i] = (float) draws[i];
        }
        long[] perSample = new long[shape.dimension()];
        Arrays.fill(perSample, 1);
        perSample[0] = batch;
        NDArray beta =
                images.getManager()
                        .create(betas, new Shape(perSample))
                        .toType(images.getDataType(), false)
                        .toDevice(images.getDevice(), false);
        return images.mul(beta).add(discretized.mul(beta.neg().add(1)));
    }

    /**
     * Returns what this mixer draws, for logs and configs.
     *
     * @return e.g. {@code Beta(1.0, 0.5)} or {@code fixed(0.0)}
     */
    @Override
    public String toString() {
        return Double.isNaN(fixedBeta)
                ? "Beta(" + beta0 + ", " + beta1 + ")"
                : "fixed(" + fixedBeta + ")";
    }
}
