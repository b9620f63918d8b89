package org.djmix.vqvae;

import ai.djl.training.Trainer;
import ai.djl.training.listener.TrainingListenerAdapter;

/**
 * Applies the quantiser's EMA codebook update after each training batch's backward, so a VQ-VAE
 * trains in DJL's own loop ({@code EasyTrain.fit}) unchanged.
 */
public final class CodebookUpdateListener extends TrainingListenerAdapter {

    private final VectorQuantizer quantizer;

    /**
     * Creates the listener.
     *
     * @param quantizer the quantiser to update
     */
    public CodebookUpdateListener(VectorQuantizer quantizer) {
        this.quantizer = quantizer;
    }

    @Override
    public void onTrainingBatch(Trainer trainer, BatchData batchData) {
        quantizer.updateCodebook();
    }
}
