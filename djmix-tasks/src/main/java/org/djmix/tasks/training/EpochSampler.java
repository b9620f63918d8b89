package org.djmix.tasks.training;

import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.dataset.Sampler;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;
import org.djmix.core.RandomStreams;
import org.djmix.core.training.EpochAware;

/**
 * Batches of a shuffled order that depends only on (seed, epoch): epoch e's permutation can be made
 * again without replaying the epochs before it, which a resumed run needs. The last batch may be
 * smaller.
 */
public final class EpochSampler implements Sampler, EpochAware {

    private final int batchSize;
    private final RandomStreams streams;
    private volatile int epoch = 1;

    /**
     * Creates a sampler.
     *
     * @param batchSize the batch size, &gt; 0
     * @param seed the seed of the orders
     */
    public EpochSampler(int batchSize, long seed) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batchSize must be > 0, got " + batchSize);
        }
        this.batchSize = batchSize;
        this.streams = new RandomStreams(seed).derive("data order");
    }

    /**
     * Sets the epoch whose order the next {@link #sample} returns.
     *
     * @param epoch from 1
     */
    @Override
    public void setEpoch(int epoch) {
        this.epoch = epoch;
    }

    @Override
    public Iterator<List<Long>> sample(RandomAccessDataset dataset) {
        int n = Math.toIntExact(dataset.size());
        long[] order = new long[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        RandomGenerator random = streams.generator(epoch);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            long swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        List<List<Long>> batches = new ArrayList<>();
        for (int start = 0; start < n; start += batchSize) {
            List<Long> batch = new ArrayList<>();
            for (int i = start; i < Math.min(n, start + batchSize); i++) {
                batch.add(order[i]);
            }
            batches.add(batch);
        }
        return batches.iterator();
    }

    @Override
    public int getBatchSize() {
        return batchSize;
    }
}
