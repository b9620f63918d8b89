package org.djmix.examples.cli;

import picocli.CommandLine.Option;

/** {@code --test-limit}: evaluate on the first N test images only. */
final class TestLimitOption {

    @Option(names = "--test-limit", description = "use only the first N test images")
    private Integer testLimit;

    /** The limit, or null for all images. */
    Integer value() {
        return testLimit;
    }
}
