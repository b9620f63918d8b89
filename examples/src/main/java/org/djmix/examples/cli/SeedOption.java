package org.djmix.examples.cli;

import picocli.CommandLine.Option;

/** {@code --seed}, shared by every command that draws random numbers. */
final class SeedOption {

    @Option(
            names = "--seed",
            defaultValue = "0",
            description = "the seed of every random choice (default ${DEFAULT-VALUE})")
    private long seed;

    long value() {
        return seed;
    }
}
