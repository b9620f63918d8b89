package org.djmix.tasks.analysis;

/**
 * One point of the sweep over DJMix's mixing distribution (the paper's Fig. 5): a model trained
 * with \(\tilde{x} = \beta x + (1-\beta) g(x)\), \(\beta \sim \mathrm{Beta}(\beta_0, \beta_1)\),
 * and its errors.
 *
 * @param beta0 \(\beta_0\), &gt; 0
 * @param beta1 \(\beta_1\), &gt; 0
 * @param run the model's run directory name
 * @param cleanError the error on the clean test set, in [0, 1]
 * @param meanCorruptedError the mean error over every corruption and severity, in [0, 1]
 */
public record SweepPoint(
        double beta0, double beta1, String run, double cleanError, double meanCorruptedError) {}
