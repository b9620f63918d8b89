package org.djmix.tasks.training;

import ai.djl.training.tracker.Tracker;

/**
 * Faster R-CNN's learning rate (torchvision's detection reference, the paper's 26-epoch recipe): a
 * linear warm-up from \(\eta_0 / 1000\) to \(\eta_0\) over the first updates, then \(\eta_0\)
 * divided by 10 at 16/26 and again at 22/26 of the run: \(\eta_t = \eta_0 \cdot w(t) \cdot 0.1^{[t
 * \ge 16T/26] + [t \ge 22T/26]}\).
 */
public final class WarmupStepDecay implements Tracker {

    private static final double WARMUP_FACTOR = 1e-3;

    private final float baseRate;
    private final long warmupSteps;
    private final long firstDrop;
    private final long secondDrop;

    /**
     * Creates the schedule.
     *
     * @param baseRate \(\eta_0\)
     * @param totalSteps the run's updates T, &gt; 0
     * @param warmupSteps updates of warm-up (the reference: 1 000, at most T)
     */
    public WarmupStepDecay(float baseRate, long totalSteps, long warmupSteps) {
        if (totalSteps < 1 || warmupSteps < 0) {
            throw new IllegalArgumentException(
                    "need totalSteps > 0 and warmupSteps >= 0, got "
                            + totalSteps
                            + " and "
                            + warmupSteps);
        }
        this.baseRate = baseRate;
        this.warmupSteps = Math.min(warmupSteps, totalSteps);
        this.firstDrop = totalSteps * 16 / 26;
        this.secondDrop = totalSteps * 22 / 26;
    }

    @Override
    public float getNewValue(int numUpdate) {
        double factor = 1;
        if (numUpdate < warmupSteps) {
            double alpha = (double) numUpdate / warmupSteps;
            factor = WARMUP_FACTOR * (1 - alpha) + alpha;
        }
        if (numUpdate >= firstDrop) {
            factor *= 0.1;
        }
        if (numUpdate >= secondDrop) {
            factor *= 0.1;
        }
        return (float) (baseRate * factor);
    }
}
