package org.djmix.examples.cli;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Option;

/**
 * The options every {@code djmix spark} job shares, and its session: the master given here, else
 * spark-submit's, else all local cores.
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
     * Opens the session (once Spark is known to be on the class path).
     *
     * @param name the application's name
     * @return the session
     * @throws IllegalStateException if Spark is not on the class path
     */
    SparkSession session(String name) {
        try {
            Class.forName("org.apache.spark.sql.SparkSession", false, getClass().getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(
                    "Apache Spark 4 is not on the class path: run 'spark-submit --class"
                            + " org.djmix.examples.cli.DJMixCommand djmix.jar spark ...', or"
                            + " 'sh examples/target/djmix-spark ...' on this machine",
                    e);
        }
        SparkSession.Builder builder = SparkSession.builder().appName(name);
        if (master != null) {
            builder.master(master);
        } else if (!new SparkConf().contains("spark.master")) {
            builder.master("local[*]");
        }
        return builder.getOrCreate();
    }

    /**
     * Returns the partitions to spread the tasks over.
     *
     * @param spark the session
     * @return {@code --partitions}, else 3 per core the session has
     */
    int partitions(SparkSession spark) {
        return partitions != null ? partitions : 3 * spark.sparkContext().defaultParallelism();
    }
}
