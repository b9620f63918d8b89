package org.djmix.vqvae;

import java.util.HashMap;
import java.util.Map;

/**
 * Counts how often each code is chosen, for the codebook's health: the codes in use and the
 * perplexity \(\exp(-\sum_k p_k \log p_k)\) (K when all codes are equally used, 1 on collapse).
 */
final class CodeHistogram {

    private final Map<Long, Long> counts = new HashMap<>();
    private long total;

    /** Adds chosen codes. */
    void add(long[] codes) {
        for (long code : codes) {
            counts.merge(code, 1L, Long::sum);
        }
        total += codes.length;
    }

    /** Returns how many distinct codes were chosen. */
    int used() {
        return counts.size();
    }

    /** Returns the perplexity of the code distribution. */
    double perplexity() {
        double entropy = 0;
        for (long count : counts.values()) {
            double p = (double) count / total;
            entropy -= p * Math.log(p);
        }
        return Math.exp(entropy);
    }
}
