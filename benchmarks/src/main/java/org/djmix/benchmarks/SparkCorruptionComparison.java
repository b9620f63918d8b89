package org.djmix.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.djmix.corruptions.Corruption;
import org.djmix.corruptions.CorruptionJob;
import org.djmix.corruptions.FolderImages;
import org.djmix.corruptions.ImageFolderCWriter;
import org.djmix.spark.SparkCorruption;

/**
 * The Spark generation job's overhead: {@link SparkCorruption} on {@code local[N]} against {@code
 * djmix corrupt}'s {@link CorruptionJob} on the same N threads, over the same folder of
 * ImageNet-size JPEGs (500×375, photo-like) and the 15 common corruptions at one severity,
 * alternating which runs first in each round. Prints images/s of both and the ratio of their times
 * per round. The Spark session is started once, before the rounds (a cluster's session outlives one
 * job), and its start-up time is printed apart.
 *
 * <p>Usage: {@code java <Spark's module options> -cp benchmarks.jar:<Spark's jars>
 * org.djmix.benchmarks.SparkCorruptionComparison [images] [rounds] [threads] [partitions]} (default
 * 60 5 2 6).
 */
public final class SparkCorruptionComparison {

    private SparkCorruptionComparison() {}

    /**
     * Runs the comparison.
     *
     * @param args images, rounds, threads
     * @throws IOException if the folders cannot be written
     */
    public static void main(String[] args) throws IOException {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        int partitions = args.length > 3 ? Integer.parseInt(args[3]) : 3 * threads;
        Path root = Files.createTempDirectory("spark-corruption-comparison");
        Path input = Files.createDirectories(root.resolve("clean/n00000001"));
        for (int i = 0; i < count; i++) {
            Files.write(
                    input.resolve(String.format("val_%05d.JPEG", i)),
                    ImageDecodeBenchmark.photoLikeJpeg(500, 375, i));
        }
        Path clean = root.resolve("clean");
        List<Corruption> corruptions = Corruption.COMMON;
        List<Integer> severities = List.of(3);
        long images = (long) count * corruptions.size() * severities.size();
        long start = System.nanoTime();
        SparkSession spark =
                SparkSession.builder()
                        .master("local[" + threads + "]")
                        .appName("spark-corruption-comparison")
                        .config("spark.ui.enabled", "false")
                        .getOrCreate();
        System.out.printf("Spark session start-up: %.1f s%n", (System.nanoTime() - start) / 1e9);
        CorruptionJob singleJob =
                CorruptionJob.builder()
                        .optCorruptions(corruptions)
                        .optSeverities(severities)
                        .optThreads(threads)
                        .build();
        SparkCorruption sparkJob =
                SparkCorruption.builder().setJob(singleJob).optImagesPerTask(10).build();
        List<Double> ratios = new ArrayList<>();
        System.out.printf(
                "%d images x %d corruptions x %d severity = %d files per run, %d threads,"
                        + " %d partitions%n",
                count, corruptions.size(), severities.size(), images, threads, partitions);
        for (int round = -1; round < rounds; round++) { // round -1 warms both up, unrecorded
            double single = 0;
            double distributed = 0;
            for (int turn = 0; turn < 2; turn++) {
                boolean sparkTurn = (round + turn) % 2 == 0;
                Path out = root.resolve(sparkTurn ? "spark" : "single");
                delete(out);
                long t0 = System.nanoTime();
                if (sparkTurn) {
                    sparkJob.runFolder(spark, clean.toString(), out.toString(), partitions);
                    distributed = (System.nanoTime() - t0) / 1e9;
                } else {
                    FolderImages folder = FolderImages.of(clean);
                    singleJob.run(
                            folder,
                            new ImageFolderCWriter(out, folder, ImageFolderCWriter.Format.JPEG));
                    single = (System.nanoTime() - t0) / 1e9;
                }
            }
            if (round < 0) {
                continue;
            }
            ratios.add(distributed / single);
            System.out.printf(
                    "round %d: djmix corrupt %.1f s (%.1f images/s), Spark %.1f s (%.1f images/s),"
                            + " Spark/single %.3f%n",
                    round + 1,
                    single,
                    images / single,
                    distributed,
                    images / distributed,
                    distributed / single);
        }
        double[] sorted = ratios.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf(
                "Spark/single time ratio: median %.3f (%.3f-%.3f) over %d rounds%n",
                sorted[sorted.length / 2], sorted[0], sorted[sorted.length - 1], sorted.length);
        spark.stop();
        delete(root);
        System.out.println(Arrays.toString(sorted));
    }

    private static void delete(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
