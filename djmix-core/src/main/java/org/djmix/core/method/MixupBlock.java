package org.djmix.core.method;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.djmix.core.AbstractTrainingBlock;

/**
 * mixup's input side (Zhang et al. 2018): \(x_{mix} = \lambda x + (1-\lambda) x_{\pi}\) with one
 * \(\lambda \sim \mathrm{Beta}(\alpha, \alpha)\) per batch and a random permutation \(\pi\). In
 * training it returns \(f(x_{mix})\)'s outputs followed by \(\lambda\) and \(\pi\), which {@link
 * org.djmix.core.loss.MixupLoss} reads; in inference it is exactly \(f\).
 */
public final class MixupBlock extends AbstractTrainingBlock {

    private static final byte VERSION = 1;

    private final double alpha;

    /**
     * Wraps a model.
     *
     * @param model \(f\)
     * @param alpha the Beta parameter \(\alpha\) &gt; 0 (the paper's CIFAR baseline uses 1)
     * @param seed the seed of \(\lambda\) and \(\pi\)
     */
    public MixupBlock(Block model, double alpha, long seed) {
        super(VERSION, model, seed);
        if (!(alpha > 0) || Double.isInfinite(alpha)) {
            throw new IllegalArgumentException("alpha must be finite and > 0, got " + alpha);
        }
        this.alpha = alpha;
    }

    @Override
    protected NDList trainingForward(
            ParameterStore parameterStore,
            NDArray images,
            NDList rest,
            NDList labels,
            RandomGenerator random,
            PairList<String, Object> params) {
        int batch = Math.toIntExact(images.getShape().get(0));
        float lambda = (float) new BetaDistribution(random, alpha, alpha).sample();
        long[] order = new long[batch];
        for (int i = 0; i < batch; i++) {
            order[i] = i;
        }
        for (int i = batch - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            long t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        NDArray permutation = images.getManager().create(order).toDevice(images.getDevice(), false);
        NDArray shuffled = images.get(new NDIndex("{}", permutation));
        NDArray mixed = images.mul(lambda).add(shuffled.mul(1 - lambda));
        NDList out =
                getModel().forward(parameterStore, new NDList(mixed).addAll(rest), true, params);
        NDArray lambdaArray =
                images.getManager().create(lambda).toDevice(images.getDevice(), false);
        return new NDList(out).addAll(new NDList(lambdaArray, permutation));
    }
}
