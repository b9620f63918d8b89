package org.djmix.examples.cli;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * The Spark session of a {@code djmix spark} command, in a class of its own that is loaded only
 * once {@link SparkOptions} has found Spark on the class path.
 */
final class SparkSessions {

    private SparkSessions() {}

    /**
     * Opens (or joins) the session.
     *
     * @param name the application's name
     * @param master {@code --master}, or null for spark-submit's, else {@code local[*]}
     * @return the session
     */
    static SparkSession open(String name, String master) {
        SparkSession.Builder builder = SparkSession.builder().appName(name);
        if (master != null) {
            builder.master(master);
        } else if (!new SparkConf().contains("spark.master")) {
            builder.master("local[*]");
        }
        return builder.getOrCreate();
    }
}
