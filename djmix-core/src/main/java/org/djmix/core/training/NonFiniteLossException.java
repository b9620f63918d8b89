package org.djmix.core.training;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Stops a training run whose loss or metric is not finite, before anything of the current epoch is
 * written: a run directory never holds a NaN, and its last complete checkpoint stays the one to
 * resume from. The message says what diverged, where, and where the last good checkpoint is.
 */
public final class NonFiniteLossException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private NonFiniteLossException(String message) {
        super(message);
    }

    /**
     * Throws if {@code value} is NaN or infinite.
     *
     * @param value the loss or metric
     * @param name what it is, e.g. "training loss"
     * @param where when it was measured, e.g. "at epoch 2, step 37 of 47"
     * @param run the run directory that holds the checkpoints
     * @param lastCompleteEpoch the last epoch saved there, 0 if none
     * @throws NonFiniteLossException if the value is not finite
     */
    public static void requireFinite(
            double value, String name, String where, Path run, int lastCompleteEpoch) {
        if (Double.isFinite(value)) {
            return;
        }
        String checkpoint =
                lastCompleteEpoch > 0
                        ? ("the last complete checkpoint is epoch %d in %s; resume from it with"
                                        + " --resume (optResume(true) in the API)")
                                .formatted(lastCompleteEpoch, run)
                        : "no epoch was complete, so %s holds no checkpoint".formatted(run);
        throw new NonFiniteLossException(
                String.format(
                        Locale.ROOT,
                        "%s is %s %s: training stopped and wrote nothing of this epoch; %s",
                        name,
                        value,
                        where,
                        checkpoint));
    }
}
