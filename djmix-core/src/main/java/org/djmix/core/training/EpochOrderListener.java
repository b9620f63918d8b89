package org.djmix.core.training;

import ai.djl.training.Trainer;
import ai.djl.training.listener.TrainingListenerAdapter;
import java.util.List;

/**
 * Tells the data's {@link EpochAware} parts which epoch comes next, so that epoch e has the same
 * order and augmentation whether the run started at epoch 1 or was resumed before e.
 */
public final class EpochOrderListener extends TrainingListenerAdapter {

    private final List<EpochAware> parts;
    private int epoch;

    /**
     * Creates the listener.
     *
     * @param firstEpoch the epoch the loop starts with (1, or the one after a checkpoint)
     * @param parts the samplers and datasets to tell
     */
    public EpochOrderListener(int firstEpoch, EpochAware... parts) {
        this.parts = List.of(parts);
        this.epoch = firstEpoch;
    }

    @Override
    public void onTrainingBegin(Trainer trainer) {
        parts.forEach(part -> part.setEpoch(epoch));
    }

    @Override
    public void onEpoch(Trainer trainer) {
        epoch++;
        parts.forEach(part -> part.setEpoch(epoch));
    }
}
