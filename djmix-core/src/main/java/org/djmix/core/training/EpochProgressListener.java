package org.djmix.core.training;

import ai.djl.training.Trainer;
import ai.djl.training.listener.TrainingListenerAdapter;
import ai.djl.training.util.ProgressBar;

/** Draws one DJL progress bar per epoch, in images. */
public final class EpochProgressListener extends TrainingListenerAdapter {

    private final String label;
    private final long images;
    private int epoch;
    private long seen;
    private ProgressBar bar;

    /**
     * Creates the listener.
     *
     * @param label what is trained, e.g. "VQ-VAE"
     * @param images training images per epoch
     * @param firstEpoch the epoch the loop starts with
     */
    public EpochProgressListener(String label, long images, int firstEpoch) {
        this.label = label;
        this.images = images;
        this.epoch = firstEpoch;
    }

    @Override
    public void onTrainingBatch(Trainer trainer, BatchData batchData) {
        if (bar == null) {
            bar = new ProgressBar("%s epoch %d".formatted(label, epoch), images, " images");
        }
        seen += batchData.getBatch().getSize();
        bar.update(seen);
    }

    @Override
    public void onEpoch(Trainer trainer) {
        if (bar != null) {
            bar.end();
        }
        bar = null;
        seen = 0;
        epoch++;
    }
}
