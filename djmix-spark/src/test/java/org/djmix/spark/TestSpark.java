package org.djmix.spark;

import org.apache.spark.sql.SparkSession;

/**
 * The one Spark session the module's tests share: local, 2 cores, one retry per task, no UI, two
 * shuffle partitions. It lives as long as the test JVM.
 */
final class TestSpark {

    private static SparkSession session;

    private TestSpark() {}

    static synchronized SparkSession session() {
        if (session == null) {
            session =
                    SparkSession.builder()
                            .master("local[2,2]")
                            .appName("djmix-spark-test")
                            .config("spark.ui.enabled", "false")
                            .config("spark.sql.shuffle.partitions", "2")
                            .getOrCreate();
        }
        return session;
    }
}
