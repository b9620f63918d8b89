package org.djmix.tasks.data;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The worker threads that decode and augment images for DJL's loader ({@code
 * DefaultTrainingConfig.optExecutorService}, with the dataset's {@code optPrefetchNumber} set to
 * {@link #prefetch()}): daemon threads named {@code djmix-decode-N}, shut down (and waited for) on
 * {@link #close()}, so a finished or failed run leaves none behind.
 */
public final class DecodeThreads implements AutoCloseable {

    private static final AtomicInteger POOLS = new AtomicInteger();
    private static final long SHUTDOWN_SECONDS = 30;

    private final ExecutorService pool;
    private final int count;

    private DecodeThreads(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("decode threads must be >= 1, got " + count);
        }
        this.count = count;
        int id = POOLS.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        pool =
                Executors.newFixedThreadPool(
                        count,
                        task -> {
                            Thread thread =
                                    new Thread(
                                            task,
                                            "djmix-decode-" + id + "-" + threads.incrementAndGet());
                            thread.setDaemon(true);
                            return thread;
                        });
    }

    /**
     * Starts a pool.
     *
     * @param count the number of threads, &gt;= 1
     * @return the pool
     */
    public static DecodeThreads start(int count) {
        return new DecodeThreads(count);
    }

    /**
     * Returns the executor to hand to a dataset builder.
     *
     * @return the pool's executor
     */
    public ExecutorService executor() {
        return pool;
    }

    /**
     * Returns how many batches to keep in flight: two per thread, so no worker waits for the
     * trainer to take a batch.
     *
     * @return the prefetch count
     */
    public int prefetch() {
        return 2 * count;
    }

    /**
     * Returns the number of threads.
     *
     * @return the count
     */
    public int count() {
        return count;
    }

    /** Stops the threads, interrupting unfinished decodes, and waits for them to end. */
    @Override
    public void close() {
        pool.shutdownNow();
        try {
            if (!pool.awaitTermination(SHUTDOWN_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException(
                        "decode threads did not stop within " + SHUTDOWN_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
