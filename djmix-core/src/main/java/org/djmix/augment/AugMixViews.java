package org.djmix.augment;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import org.apache.commons.math3.random.RandomGenerator;
import org.djmix.core.BatchAugmentation;
import org.djmix.core.TrainingViews;

/**
 * AugMix's three views \((x, x_{aug,1}, x_{aug,2})\): the clean batch and two independent AugMix
 * draws of it, compared by a 3-way Jensen–Shannon term.
 */
public final class AugMixViews implements TrainingViews {

    private final BatchAugmentation augmix;

    /**
     * Creates the views.
     *
     * @param augmix the augmentation drawn twice per image
     */
    public AugMixViews(BatchAugmentation augmix) {
        this.augmix = augmix;
    }

    @Override
    public NDList make(NDArray images, RandomGenerator random) {
        return new NDList(images, augmix.apply(images, random), augmix.apply(images, random));
    }

    @Override
    public int count() {
        return 3;
    }
}
