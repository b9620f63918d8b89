package org.djmix.tasks.training;

import ai.djl.training.tracker.Tracker;

/**
 * Cosine annealing with warm restarts (SGDR, Loshchilov &amp; Hutter 2017; PyTorch's {@code
 * CosineAnnealingWarmRestarts}): within a cycle of \(T_i\) updates, \(\eta = \eta_{min} +
 * \tfrac12(\eta_{max} - \eta_{min})(1 + \cos(\pi\,T_{cur}/T_i))\); the first cycle has \(T_0\)
 * updates and each next one \(T_{mult}\) times as many. Update counts start at 1, as DJL's
 * optimizers pass them.
 */
public final class CosineWarmRestarts implements Tracker {

    private final float maxRate;
    private final float minRate;
    private final long firstCycle;
    private final int cycleMultiplier;

    /**
     * Creates the schedule.
     *
     * @param maxRate \(\eta_{max}\) at the start of each cycle
     * @param minRate \(\eta_{min}\)
     * @param firstCycle \(T_0\) in updates, &gt; 0
     * @param cycleMultiplier \(T_{mult} \ge 1\)
     */
    public CosineWarmRestarts(float maxRate, float minRate, long firstCycle, int cycleMultiplier) {
        if (firstCycle <= 0 || cycleMultiplier < 1) {
            throw new IllegalArgumentException(
                    "firstCycle must be > 0 and cycleMultiplier >= 1, got "
                            + firstCycle
                            + " and "
                            + cycleMultiplier);
        }
        this.maxRate = maxRate;
        this.minRate = minRate;
        this.firstCycle = firstCycle;
        this.cycleMultiplier = cycleMultiplier;
    }

    @Override
    public float getNewValue(int numUpdate) {
        long t = Math.max(0, numUpdate - 1L);
        long cycle = firstCycle;
        while (t >= cycle) {
            t -= cycle;
            cycle *= cycleMultiplier;
        }
        double cosine = 0.5 * (1 + Math.cos(Math.PI * t / cycle));
        return (float) (minRate + (maxRate - minRate) * cosine);
    }
}
