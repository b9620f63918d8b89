package org.djmix.examples.cli;

import org.djmix.tasks.data.DecodeThreads;
import picocli.CommandLine.Option;

/**
 * {@code --loader-threads N} and {@code --skip-unreadable}: how streamed image folders ({@code
 * imagenet:DIR}) are read. Decoding and augmenting run on N threads while the model trains, with
 * two batches per thread in flight.
 */
final class LoaderOptions {

    @Option(
            names = "--loader-threads",
            paramLabel = "N",
            description = "threads that decode and augment streamed images (default: one per core)")
    private Integer threads;

    @Option(
            names = "--skip-unreadable",
            description =
                    "replace images that cannot be decoded by the next one and list them, instead"
                            + " of stopping with the file's name")
    private boolean skipUnreadable;

    /** Starts the decode threads. */
    DecodeThreads start() {
        int count = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (count < 1) {
            throw new IllegalArgumentException("--loader-threads must be at least 1, got " + count);
        }
        return DecodeThreads.start(count);
    }

    /** Whether unreadable images are skipped. */
    boolean skipUnreadable() {
        return skipUnreadable;
    }
}
