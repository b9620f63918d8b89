package org.djmix.core;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * DJMix's two views \((\tilde{x}, x)\) with \(\tilde{x} = \beta x + (1-\beta) g(x)\); with a
 * pre-augmentation \(a\) (DJMix+RA) the clean view is \(a(x)\) and \(\tilde{x}\) mixes \(a(x)\)
 * with \(g(a(x))\).
 */
public final class DJMixViews implements TrainingViews {

    private final Discretizer discretizer;
    private final BetaMixer mixer;
    private final BatchAugmentation preAugmentation;

    /**
     * Creates DJMix's views.
     *
     * @param discretizer \(g\)
     * @param mixer how \(\beta\) is drawn
     * @param preAugmentation applied to the batch before DJMix (RA), or {@link
     *     BatchAugmentation#none()}
     */
    public DJMixViews(Discretizer discretizer, BetaMixer mixer, BatchAugmentation preAugmentation) {
        this.discretizer = discretizer;
        this.mixer = mixer;
        this.preAugmentation = preAugmentation;
    }

    @Override
    public NDList make(NDArray images, RandomGenerator random) {
        NDArray clean = preAugmentation.apply(images, random);
        NDArray discretized = discretizer.apply(clean).stopGradient();
        return new NDList(mixer.mix(clean, discretized, random), clean);
    }

    @Override
    public int count() {
        return 2;
    }
}
