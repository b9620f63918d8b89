package org.djmix.examples.cli;

import picocli.CommandLine.Option;

/**
 * The options every {@code djmix spark} job shares. No Spark type appears in its signatures:
 * picocli reflects on mixins for every command line, also where Spark is absent ({@code java
 * -jar}).
 */
final class SparkOptions {

    @Option(
            names = "--master",
            description =
                    "Spark's master, e.g. local[4] or spark://host:7077 (default: spark-submit's,"
                            + " else local[*])")
    private String master;

    @Option(
            names = "--partitions",
            description = "Spark partitions for the tasks (default: 3 per executor core)")
    private Integer partitions;

    @Option(
            names = "--images-per-task",
            description = "images in one task's shard (default ${DEFAULT-VALUE})",
            defaultValue = "500")
    private int imagesPerTask;

    int imagesPerTask() {
        return imagesPerTask;
    }

    /**
     * Opens the session: this mixin's master, else spark-submit's, else all local cores.
     *
     * @param name the application's name
     * @return the session, typed as Object so that picocli's reflection on this mixin does not need
     *     Spark on the class path; {@link SparkSessions} works with it
     * @throws IllegalStateException if Spark is not on the class path
     */
    Object session(String name) {
        try {
            Class.forName("org.apache.spark.sql.SparkSession", false, getClass().getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(
                    "Apache Spark 4 is not on the class path: run 'spark-submit --class"
                            + " org.djmix.examples.cli.DJMixCommand djmix.jar spark ...', or"
                            + " 'sh examples/target/djmix-spark ...' on this machine",
                    e);
        }
        return SparkSessions.open(name, master);
    }

    /**
     * Returns the partitions to spread the tasks over.
     *
     * @param defaultParallelism the session's cores
     * @return {@code --partitions}, else 3 per core
     */
    int partitions(int defaultParallelism) {
        return partitions != null ? partitions : 3 * defaultParallelism;
    }
}
