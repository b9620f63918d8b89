package org.djmix.examples.cli;

import picocli.CommandLine.Command;

/** {@code djmix dae}: the discretizing autoencoder's commands. */
@Command(
        name = "dae",
        mixinStandardHelpOptions = true,
        description = "The discretizing autoencoder g (a VQ-VAE): train it, look at it.",
        subcommands = {DaeTrainCommand.class, DaeShowCommand.class})
public final class DaeCommand {}
