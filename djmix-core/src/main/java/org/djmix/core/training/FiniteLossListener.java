package org.djmix.core.training;

import ai.djl.training.Trainer;
import ai.djl.training.listener.EvaluatorTrainingListener;
import ai.djl.training.listener.TrainingListenerAdapter;
import java.nio.file.Path;

/**
 * Stops training at the first step whose loss is not finite ({@link NonFiniteLossException}),
 * before the epoch's checkpoint can be written. It reads the epoch's running loss that DJL's {@link
 * EvaluatorTrainingListener} keeps (a NaN or infinity stays in that sum), so it must be added after
 * that listener.
 */
public final class FiniteLossListener extends TrainingListenerAdapter {

    private final Path run;
    private final long stepsPerEpoch;
    private int epoch;
    private long step;

    /**
     * Creates the listener.
     *
     * @param run the run directory, named in the message
     * @param firstEpoch the epoch the loop starts with
     * @param stepsPerEpoch the steps of an epoch, named in the message
     */
    public FiniteLossListener(Path run, int firstEpoch, long stepsPerEpoch) {
        this.run = run;
        this.stepsPerEpoch = stepsPerEpoch;
        this.epoch = firstEpoch;
    }

    @Override
    public void onTrainingBatch(Trainer trainer, BatchData batchData) {
        step++;
        float loss = trainer.getLoss().getAccumulator(EvaluatorTrainingListener.TRAIN_EPOCH);
        NonFiniteLossException.requireFinite(
                loss,
                "training loss",
                "at epoch %d, step %d of %d".formatted(epoch, step, stepsPerEpoch),
                run,
                epoch - 1);
    }

    @Override
    public void onEpoch(Trainer trainer) {
        epoch++;
        step = 0;
    }
}
