package org.djmix.core.training;

/** Something whose behaviour depends on the epoch: a seeded data order, per-epoch augmentation. */
public interface EpochAware {

    /**
     * Sets the epoch that the next pass over the data belongs to.
     *
     * @param epoch from 1
     */
    void setEpoch(int epoch);
}
