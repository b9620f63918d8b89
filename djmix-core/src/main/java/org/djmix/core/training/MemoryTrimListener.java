package org.djmix.core.training;

import ai.djl.training.Trainer;
import ai.djl.training.listener.TrainingListenerAdapter;
import org.djmix.core.platform.GlibcMalloc;

/**
 * Bounds the resident memory that {@link GlibcMalloc#keepFreedMemory()} trades for speed: it gives
 * glibc's free pages back ({@link GlibcMalloc#releaseFreeMemory()}) after training batches 1, 2, 4,
 * 8, … and then every {@value #INTERVAL} batches. Keeping freed memory spares each step the page
 * faults of its activations, but blocks freed in an unusual order (the first steps' one-off
 * allocations, a validation pass) stay resident as free fragments; released once in a while, they
 * cost one step's page faults every {@value #INTERVAL} steps instead of at every step.
 */
public final class MemoryTrimListener extends TrainingListenerAdapter {

    /** Batches between releases after the first ones. */
    public static final int INTERVAL = 64;

    private long batches;

    /** {@inheritDoc} */
    @Override
    public void onTrainingBatch(Trainer trainer, BatchData batchData) {
        batches++;
        if (releasesAfter(batches)) {
            GlibcMalloc.releaseFreeMemory();
        }
    }

    /**
     * Tells whether memory is released after a batch.
     *
     * @param batch the batch's number in this listener's run, from 1
     * @return true for 1, 2, 4, … up to {@value #INTERVAL}, then for every multiple of it
     */
    static boolean releasesAfter(long batch) {
        return batch % INTERVAL == 0 || (batch < INTERVAL && Long.bitCount(batch) == 1);
    }
}
