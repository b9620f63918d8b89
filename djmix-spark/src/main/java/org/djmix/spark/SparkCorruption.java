package org.djmix.spark;

import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.djmix.corruptions.Corruption;
import org.djmix.corruptions.CorruptionJob;
import org.djmix.corruptions.CorruptionProfile;
import org.djmix.corruptions.FolderImages;
import org.djmix.corruptions.ImageFolderCWriter;
import org.djmix.corruptions.LabelledImages;
import org.djmix.image.BufferedImages;
import org.djmix.image.ByteImage;
import org.djmix.io.AtomicFiles;

/**
 * {@code djmix corrupt} as a Spark job: a folder of images becomes its ImageNet-C layout ({@code
 * <corruption>/<severity>/<relative path>}) byte for byte as on one machine. The driver lists the
 * folder ({@link FolderImages}: the same sorted order, so the same image indices) and cuts the work
 * into (corruption, severity, shard of images) tasks; each task corrupts its images with {@link
 * CorruptionJob#corrupt}, whose seed depends only on (job seed, corruption, severity, index), and
 * writes each file through a temporary name ({@link ImageFolderCWriter}), skipping files already
 * there. So the bytes do not depend on the partitioning, a retried or speculative task rewrites
 * nothing that is complete, and a second run over a finished output writes nothing. When every task
 * has succeeded the driver writes {@value #MANIFEST} (the job's settings and counts).
 */
public final class SparkCorruption implements Serializable {

    /** The file the driver writes at the output's root when the job has finished. */
    public static final String MANIFEST = "manifest.json";

    private static final long serialVersionUID = 1L;

    private final List<Corruption> corruptions;
    private final List<Integer> severities;
    private final CorruptionProfile profile;
    private final long seed;
    private final ImageFolderCWriter.Format format;
    private final int imagesPerTask;
    private final CleanImages reader;

    /** How a task reads one clean image on an executor. */
    @FunctionalInterface
    public interface CleanImages extends Serializable {

        /**
         * Reads one image.
         *
         * @param file its path
         * @return the image
         * @throws IOException naming the file if it cannot be read
         */
        ByteImage read(Path file) throws IOException;
    }

    /**
     * Creates the job.
     *
     * @param corruptions the corruptions
     * @param severities the severities, 1..5
     * @param profile the corruption parameters
     * @param seed the job's seed (as {@code djmix corrupt --seed})
     * @param format JPEG (quality 85, as ImageNet-C) or PNG
     * @param imagesPerTask images in one task's shard, &gt;= 1
     */
    public SparkCorruption(
            List<Corruption> corruptions,
            List<Integer> severities,
            CorruptionProfile profile,
            long seed,
            ImageFolderCWriter.Format format,
            int imagesPerTask) {
        this(corruptions, severities, profile, seed, format, imagesPerTask, BufferedImages::read);
    }

    /**
     * Creates the job with another reader of the clean images (by default {@link
     * BufferedImages#read}).
     *
     * @param corruptions the corruptions
     * @param severities the severities, 1..5
     * @param profile the corruption parameters
     * @param seed the job's seed (as {@code djmix corrupt --seed})
     * @param format JPEG (quality 85, as ImageNet-C) or PNG
     * @param imagesPerTask images in one task's shard, &gt;= 1
     * @param reader reads a clean image on an executor
     */
    public SparkCorruption(
            List<Corruption> corruptions,
            List<Integer> severities,
            CorruptionProfile profile,
            long seed,
            ImageFolderCWriter.Format format,
            int imagesPerTask,
            CleanImages reader) {
        if (imagesPerTask < 1) {
            throw new IllegalArgumentException(
                    "images per task must be >= 1, got " + imagesPerTask);
        }
        this.corruptions = List.copyOf(corruptions);
        this.severities = List.copyOf(severities);
        this.profile = profile;
        this.seed = seed;
        this.format = format;
        this.imagesPerTask = imagesPerTask;
        this.reader = reader;
    }

    /** One task: a shard of images at one corruption and severity. */
    record Task(Corruption corruption, int severity, int from, int to) implements Serializable {}

    /**
     * Runs the job.
     *
     * @param spark the session
     * @param input the folder of clean images (a path every executor can read)
     * @param output the ImageNet-C layout's root (a path every executor can write)
     * @param partitions how many Spark partitions the tasks are spread over
     * @return the number of files the successful task attempts wrote (0 when the output was already
     *     complete; files a failed attempt committed before dying are kept, not counted)
     * @throws IOException naming the folder if it does not exist or holds no image
     */
    public long run(SparkSession spark, Path input, Path output, int partitions)
            throws IOException {
        FolderImages images = FolderImages.of(input);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            names.add(images.relativePath(i));
        }
        List<Task> tasks = new ArrayList<>();
        for (Corruption corruption : corruptions) {
            for (int severity : severities) {
                for (int from = 0; from < names.size(); from += imagesPerTask) {
                    tasks.add(
                            new Task(
                                    corruption,
                                    severity,
                                    from,
                                    Math.min(names.size(), from + imagesPerTask)));
                }
            }
        }
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<List<String>> shared = context.broadcast(names);
        String inputRoot = input.toAbsolutePath().toString();
        String outputRoot = output.toAbsolutePath().toString();
        long written =
                context.parallelize(tasks, partitions)
                        .map(task -> runTask(task, inputRoot, outputRoot, shared.value()))
                        .reduce(Long::sum);
        writeManifest(input, output, names.size(), written);
        return written;
    }

    /**
     * What the driver writes once every task has succeeded: {@code manifest.json} at the output's
     * root, atomically, so a folder with a manifest is a complete one.
     */
    private void writeManifest(Path input, Path output, int images, long written)
            throws IOException {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("input", input.toAbsolutePath().toString());
        manifest.put("images", images);
        manifest.put("corruptions", corruptions.stream().map(Corruption::id).toList());
        manifest.put("severities", severities);
        manifest.put("profile", profile.name());
        manifest.put("seed", seed);
        manifest.put("format", format.name());
        manifest.put("files", (long) images * corruptions.size() * severities.size());
        manifest.put("writtenByThisRun", written);
        AtomicFiles.writeString(
                output.resolve(MANIFEST),
                new GsonBuilder().setPrettyPrinting().create().toJson(manifest));
    }

    /** Corrupts one shard, writing the files that are not there yet; returns how many it wrote. */
    private long runTask(Task task, String inputRoot, String outputRoot, List<String> names)
            throws IOException {
        CorruptionJob job =
                CorruptionJob.builder()
                        .optCorruptions(corruptions)
                        .optSeverities(severities)
                        .optProfile(profile)
                        .optSeed(seed)
                        .build();
        LabelledImages paths = new RelativePaths(names);
        ImageFolderCWriter writer = new ImageFolderCWriter(Path.of(outputRoot), paths, format);
        long written = 0;
        for (int i = task.from(); i < task.to(); i++) {
            if (java.nio.file.Files.isRegularFile(
                    writer.fileOf(task.corruption(), task.severity(), i))) {
                continue;
            }
            ByteImage clean = reader.read(Path.of(inputRoot).resolve(names.get(i)));
            writer.accept(
                    task.corruption(),
                    task.severity(),
                    i,
                    job.corrupt(clean, task.corruption(), task.severity(), i));
            written++;
        }
        return written;
    }

    /** The clean set's relative paths, all a writer needs to place the corrupted files. */
    private record RelativePaths(List<String> names) implements LabelledImages {

        @Override
        public int size() {
            return names.size();
        }

        @Override
        public ByteImage image(int index) {
            throw new UncheckedIOException(
                    new IOException("the executors read images from their paths"));
        }

        @Override
        public int label(int index) {
            return 0;
        }

        @Override
        public String relativePath(int index) {
            return names.get(index);
        }
    }
}
