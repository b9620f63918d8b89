package org.djmix.core.training;

import ai.djl.training.EasyTrain;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.Dataset;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.djmix.core.platform.GlibcMalloc;

/**
 * The one epoch loop of every djmix trainer: DJL's {@link EasyTrain#fit} (forward, loss, backward,
 * step, validation, listeners) over the epochs a run still has to do. What differs between trainers
 * lives in their listeners: {@link EpochOrderListener}, {@link FiniteLossListener}, {@link
 * EpochProgressListener}, {@link CheckpointListener}, and method- or model-specific ones. It
 * applies djmix's allocator policy first ({@link GlibcMalloc#configure()}).
 */
public final class TrainingLoop {

    private TrainingLoop() {}

    /**
     * Trains epochs {@code firstEpoch} to {@code lastEpoch}; nothing if the first is past the last.
     *
     * @param trainer the trainer, with its listeners
     * @param train the training data
     * @param validation the data evaluated after every epoch
     * @param firstEpoch the first epoch to train, from 1
     * @param lastEpoch the last epoch to train
     * @throws IOException if data or a checkpoint cannot be read or written
     */
    public static void fit(
            Trainer trainer, Dataset train, Dataset validation, int firstEpoch, int lastEpoch)
            throws IOException {
        if (firstEpoch > lastEpoch) {
            return;
        }
        GlibcMalloc.configure();
        try {
            EasyTrain.fit(trainer, lastEpoch - firstEpoch + 1, train, validation);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (TranslateException e) {
            throw new IOException("could not read a batch: " + e.getMessage(), e);
        } catch (IllegalStateException e) {
            // DJL's threaded loader wraps a dataset's IOException (which names the file)
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof IOException io) {
                    throw new IOException(io.getMessage(), e);
                }
            }
            throw e;
        }
    }
}
