package org.djmix.examples.cli;

import picocli.CommandLine.Command;

/**
 * {@code djmix spark}: {@code corrupt} and {@code evaluate} as Apache Spark jobs, run by {@code
 * spark-submit --class org.djmix.examples.cli.DJMixCommand djmix.jar spark ...} on a cluster, or on
 * this machine's cores by {@code target/djmix-spark}.
 */
@Command(
        name = "spark",
        mixinStandardHelpOptions = true,
        description =
                "Corrupt and evaluate as Apache Spark jobs (under spark-submit, or on local cores).",
        subcommands = {SparkCorruptCommand.class, SparkEvaluateCommand.class})
public final class SparkCommand {}
