package org.djmix.vqvae;

/**
 * One epoch of autoencoder training, as written to {@code metrics.json}.
 *
 * @param epoch the epoch, from 1
 * @param trainLoss mean training loss (reconstruction MSE + commitment)
 * @param testMse test-set reconstruction MSE, images in [0, 1]
 * @param perplexity \(\exp(-\sum_k p_k \log p_k)\) of the test set's code histogram; null without a
 *     quantiser
 * @param codesUsed how many codes the test set uses; null without a quantiser
 * @param seconds the epoch's training time
 */
public record EpochMetrics(
        int epoch,
        double trainLoss,
        double testMse,
        Double perplexity,
        Integer codesUsed,
        double seconds) {}
