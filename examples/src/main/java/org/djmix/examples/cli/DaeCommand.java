package org.djmix.examples.cli;

import picocli.CommandLine.Command;

/** {@code djmix dae}: the discretizing autoencoder's commands. */
@Command(
        name = "dae",
        mixinStandardHelpOptions = true,
        description = "The discretizing autoencoder g (a VQ-VAE).",
        subcommands = {DaeTrainCommand.class})
public final class DaeCommand {}
