package org.djmix.tasks.training;

import ai.djl.training.tracker.Tracker;

/**
 * DeepLab's "poly" learning rate, per update: \(\eta_t = \eta_0 (1 - t/T)^{p}\) with \(p = 0.9\)
 * and \(T\) the run's updates (torchvision's segmentation reference), 0 from \(T\) on.
 */
public final class PolyDecay implements Tracker {

    private final float baseRate;
    private final long totalSteps;
    private final double power;

    /**
     * Creates the schedule with power 0.9.
     *
     * @param baseRate \(\eta_0\)
     * @param totalSteps \(T\), &gt; 0
     */
    public PolyDecay(float baseRate, long totalSteps) {
        if (totalSteps < 1) {
            throw new IllegalArgumentException("totalSteps must be > 0, got " + totalSteps);
        }
        this.baseRate = baseRate;
        this.totalSteps = totalSteps;
        this.power = 0.9;
    }

    @Override
    public float getNewValue(int numUpdate) {
        double left = Math.max(0, 1 - (double) numUpdate / totalSteps);
        return (float) (baseRate * Math.pow(left, power));
    }
}
