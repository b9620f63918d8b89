package org.djmix.vqvae;

/**
 * One epoch of VQ-VAE training, as written to {@code metrics.json}.
 *
 * @param epoch the epoch, from 1
 * @param trainLoss mean training loss (reconstruction MSE + commitment)
 * @param testMse test-set reconstruction MSE, images in [0, 1]
 * @param perplexity \(\exp(-\sum_k p_k \log p_k)\) of the test set's code histogram
 * @param codesUsed how many codes the test set uses
 * @param seconds the epoch's training time
 */
public record EpochMetrics(
        int epoch,
        double trainLoss,
        double testMse,
        double perplexity,
        int codesUsed,
        double seconds) {}
