package org.djmix.core.training;

import ai.djl.training.Trainer;
import ai.djl.training.listener.EvaluatorTrainingListener;
import ai.djl.training.listener.TrainingListenerAdapter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.djmix.core.platform.ProcessMemory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After every epoch, turns the evaluations of DJL's {@link EvaluatorTrainingListener} into the
 * run's record of that epoch, refuses non-finite values ({@link NonFiniteLossException}) and saves
 * the checkpoint, which is the whole run history so far, and logs the record; then gives glibc's
 * free pages back. Added after the evaluator listener, so its evaluations are the epoch's.
 *
 * @param <R> the record of one epoch
 */
public final class CheckpointListener<R> extends TrainingListenerAdapter {

    private static final Logger logger = LoggerFactory.getLogger(CheckpointListener.class);

    /**
     * Makes an epoch's record.
     *
     * @param <R> the record
     */
    @FunctionalInterface
    public interface EpochRecorder<R> {

        /**
         * Records an epoch.
         *
         * @param epoch the epoch, from 1
         * @param evaluations "train_NAME" and "validate_NAME" per evaluator, and the losses as
         *     "train_loss" and "validate_loss"
         * @param seconds the epoch's training and validation time
         * @return the record
         */
        R record(int epoch, Map<String, Float> evaluations, double seconds);
    }

    /**
     * Writes a checkpoint.
     *
     * @param <R> the record
     */
    @FunctionalInterface
    public interface Checkpoint<R> {

        /**
         * Saves the run after an epoch, atomically.
         *
         * @param epoch the epoch just completed
         * @param history every epoch's record, this one last
         * @throws IOException if it cannot be written
         */
        void save(int epoch, List<R> history) throws IOException;
    }

    private final Path run;
    private final EvaluatorTrainingListener evaluations;
    private final EpochRecorder<R> recorder;
    private final Checkpoint<R> checkpoint;
    private final List<R> history;
    private int epoch;
    private long start;

    /**
     * Creates the listener.
     *
     * @param run the run directory, named in messages
     * @param history the records of the epochs before {@code firstEpoch} (resumed), appended to
     * @param evaluations the evaluator listener added before this one
     * @param recorder makes an epoch's record
     * @param checkpoint saves the run
     */
    public CheckpointListener(
            Path run,
            List<R> history,
            EvaluatorTrainingListener evaluations,
            EpochRecorder<R> recorder,
            Checkpoint<R> checkpoint) {
        this.run = run;
        this.history = new ArrayList<>(history);
        this.evaluations = evaluations;
        this.recorder = recorder;
        this.checkpoint = checkpoint;
        this.epoch = history.size() + 1;
    }

    /**
     * Returns every epoch's record, resumed ones included.
     *
     * @return the history
     */
    public List<R> getHistory() {
        return List.copyOf(history);
    }

    @Override
    public void onTrainingBegin(Trainer trainer) {
        start = System.nanoTime();
    }

    @Override
    public void onEpoch(Trainer trainer) {
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Float> values = evaluations.getLatestEvaluations();
        for (Map.Entry<String, Float> value : values.entrySet()) {
            NonFiniteLossException.requireFinite(
                    value.getValue(), value.getKey(), "after epoch " + epoch, run, epoch - 1);
        }
        R record = recorder.record(epoch, values, seconds);
        history.add(record);
        try {
            checkpoint.save(epoch, history);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        logger.info("{}", record);
        ProcessMemory.release();
        epoch++;
        start = System.nanoTime();
    }
}
