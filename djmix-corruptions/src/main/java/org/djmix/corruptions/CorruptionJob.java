package org.djmix.corruptions;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.djmix.image.ByteImage;

/**
 * Corrupts a set of images with several corruptions and severities, on a fixed number of threads,
 * and hands each (corruption, severity) block to an {@link Output} in order. Image i of a block is
 * corrupted with its own seed ({@link ImageSeeds}), so the bytes do not depend on the threads. A
 * block the output already holds completely is skipped, which makes an interrupted job resumable.
 */
public final class CorruptionJob implements Serializable {

    private static final long serialVersionUID = 1L;

    private final List<Corruption> corruptions;
    private final List<Integer> severities;
    private final CorruptionProfile profile;
    private final long seed;
    private final int threads;

    private CorruptionJob(Builder builder) {
        corruptions = List.copyOf(builder.corruptions);
        severities = List.copyOf(builder.severities);
        profile = builder.profile;
        seed = builder.seed;
        threads = builder.threads;
    }

    /**
     * Returns a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the severities, in order.
     *
     * @return e.g. [1, 2, 3, 4, 5]
     */
    public List<Integer> getSeverities() {
        return severities;
    }

    /**
     * Returns the corruptions, in order.
     *
     * @return the corruptions
     */
    public List<Corruption> getCorruptions() {
        return corruptions;
    }

    /**
     * Returns the corruption parameters.
     *
     * @return the profile
     */
    public CorruptionProfile getProfile() {
        return profile;
    }

    /**
     * Returns the job's seed, from which each image's seed derives.
     *
     * @return the seed
     */
    public long getSeed() {
        return seed;
    }

    /** Where the corrupted blocks go. */
    public interface Output {

        /**
         * Says whether a block is already complete (then it is not computed again).
         *
         * @param corruption the corruption
         * @param severity the severity
         * @return true to skip it
         * @throws IOException if the output cannot be inspected
         */
        boolean isComplete(Corruption corruption, int severity) throws IOException;

        /**
         * Receives one image of a block (called from worker threads; blocks arrive in order, the
         * images of a block in any order).
         *
         * @param corruption the corruption
         * @param severity the severity
         * @param index the image's index
         * @param image the corrupted image
         * @throws IOException if it cannot be stored
         */
        void accept(Corruption corruption, int severity, int index, ByteImage image)
                throws IOException;

        /**
         * Called after the last image of a block.
         *
         * @param corruption the corruption
         * @param severity the severity
         * @throws IOException if the block cannot be finished
         */
        void blockDone(Corruption corruption, int severity) throws IOException;
    }

    /** Follows a job's progress, in images corrupted (or found done) out of the total. */
    public interface ProgressListener {

        /** A listener that ignores everything. */
        ProgressListener NONE = new ProgressListener() {};

        /**
         * Called once before the first block.
         *
         * @param totalImages corruptions × severities × images
         */
        default void started(long totalImages) {}

        /**
         * Called after each (corruption, severity) block.
         *
         * @param doneImages the images done so far
         */
        default void advanced(long doneImages) {}

        /** Called once after the last block. */
        default void finished() {}
    }

    /**
     * Runs the job without reporting progress.
     *
     * @param images the images
     * @param output where the blocks go
     * @throws IOException if an image cannot be read or written
     */
    public void run(LabelledImages images, Output output) throws IOException {
        run(images, output, ProgressListener.NONE);
    }

    /**
     * Runs the job.
     *
     * @param images the images
     * @param output where the blocks go
     * @param progress told of the progress after every block
     * @throws IOException if an image cannot be read or written
     */
    public void run(LabelledImages images, Output output, ProgressListener progress)
            throws IOException {
        progress.started((long) corruptions.size() * severities.size() * images.size());
        long done = 0;
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            for (Corruption corruption : corruptions) {
                for (int severity : severities) {
                    if (!output.isComplete(corruption, severity)) {
                        runBlock(pool, images, output, corruption, severity);
                        output.blockDone(corruption, severity);
                    }
                    done += images.size();
                    progress.advanced(done);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        progress.finished();
    }

    /**
     * Corrupts one image of the set as {@link #run} does: with the job's profile and the image's
     * own seed, a hash of (job seed, corruption, severity, index). Any machine that knows the
     * image's index in the set gets the same bytes ({@code djmix-spark} runs a job this way).
     *
     * @param image the clean image
     * @param corruption the corruption
     * @param severity 1..5
     * @param index the image's index in the set
     * @return the corrupted image
     */
    public ByteImage corrupt(ByteImage image, Corruption corruption, int severity, int index) {
        return corruption.apply(
                image, severity, profile, ImageSeeds.of(seed, corruption, severity, index));
    }

    private void runBlock(
            ForkJoinPool pool,
            LabelledImages images,
            Output output,
            Corruption corruption,
            int severity)
            throws IOException {
        try {
            pool.submit(
                            () ->
                                    IntStream.range(0, images.size())
                                            .parallel()
                                            .forEach(
                                                    i -> {
                                                        ByteImage out =
                                                                corrupt(
                                                                        images.image(i),
                                                                        corruption,
                                                                        severity,
                                                                        i);
                                                        try {
                                                            output.accept(
                                                                    corruption, severity, i, out);
                                                        } catch (IOException e) {
                                                            throw new UncheckedIOException(e);
                                                        }
                                                    }))
                    .get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while corrupting", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UncheckedIOException unchecked) {
                throw unchecked.getCause();
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException(cause);
        }
    }

    /** Builds a {@link CorruptionJob}. */
    public static final class Builder {

        private List<Corruption> corruptions = Corruption.COMMON;
        private List<Integer> severities = List.of(1, 2, 3, 4, 5);
        private CorruptionProfile profile = CorruptionProfile.AUTO;
        private long seed;
        private int threads = Runtime.getRuntime().availableProcessors();

        Builder() {}

        /**
         * Sets the corruptions (default the common 15).
         *
         * @param corruptions the corruptions, in output order
         * @return this builder
         */
        public Builder optCorruptions(List<Corruption> corruptions) {
            this.corruptions = corruptions;
            return this;
        }

        /**
         * Sets the severities (default 1..5).
         *
         * @param severities values in 1..5, in output order
         * @return this builder
         */
        public Builder optSeverities(List<Integer> severities) {
            this.severities = severities;
            return this;
        }

        /**
         * Sets the parameter profile (default auto).
         *
         * @param profile the profile
         * @return this builder
         */
        public Builder optProfile(CorruptionProfile profile) {
            this.profile = profile;
            return this;
        }

        /**
         * Sets the seed (default 0).
         *
         * @param seed the seed
         * @return this builder
         */
        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Sets the number of threads (default: the available processors).
         *
         * @param threads &gt; 0
         * @return this builder
         */
        public Builder optThreads(int threads) {
            this.threads = threads;
            return this;
        }

        /**
         * Builds the job.
         *
         * @return the job
         */
        public CorruptionJob build() {
            if (corruptions.isEmpty()) {
                throw new IllegalArgumentException("at least one corruption is needed");
            }
            for (int s : severities) {
                Corruption.checkSeverity(s);
            }
            if (severities.isEmpty()) {
                throw new IllegalArgumentException("at least one severity is needed");
            }
            if (threads <= 0) {
                throw new IllegalArgumentException("threads must be > 0, got " + threads);
            }
            return new CorruptionJob(this);
        }
    }
}
