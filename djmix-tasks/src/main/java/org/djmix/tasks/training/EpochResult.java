package org.djmix.tasks.training;

/**
 * One training epoch, as written to {@code metrics.json}.
 *
 * @param epoch the epoch, from 1
 * @param trainLoss the mean training loss (the method's whole objective)
 * @param testError the clean test error, in [0, 1]
 * @param learningRate the learning rate of the epoch's last update
 * @param seconds the epoch's training time
 */
public record EpochResult(
        int epoch, double trainLoss, double testError, double learningRate, double seconds) {}
