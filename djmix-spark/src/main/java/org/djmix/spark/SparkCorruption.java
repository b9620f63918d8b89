package org.djmix.spark;

import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.djmix.corruptions.CifarCWriter;
import org.djmix.corruptions.Corruption;
import org.djmix.corruptions.CorruptionJob;
import org.djmix.corruptions.ImageFolderCWriter;
import org.djmix.corruptions.LabelledImages;
import org.djmix.image.BufferedImages;
import org.djmix.image.ByteImage;
import org.djmix.io.AtomicFiles;
import org.djmix.tasks.data.ImageNetAugmentation;

/**
 * {@code djmix corrupt} as a Spark job, byte for byte as on one machine, for the two layouts:
 *
 * <ul>
 *   <li>{@link #runFolder}: a folder of images (any file system Spark reads) becomes its ImageNet-C
 *       layout {@code <corruption>/<severity>/<relative path>}. The driver lists the folder ({@link
 *       ImageListing}: the sorted order of one machine, so the same image indices); each task
 *       corrupts a shard and writes each file through a temporary name, skipping files already
 *       there. A retried or speculative task rewrites nothing that is complete, and a second run
 *       over a finished output writes nothing.
 *   <li>{@link #runCifar}: a small labelled set in memory (CIFAR-10) becomes the CIFAR-10-C layout
 *       of {@code .npy} files, which the driver writes from the tasks' images, one Spark job per
 *       corruption; complete files are skipped.
 * </ul>
 *
 * <p>Work is cut into (corruption, severity, shard of images) tasks, and each image's seed depends
 * only on (job seed, corruption, severity, image index) ({@link CorruptionJob#corrupt}), so the
 * output does not depend on the partitioning. When every task has succeeded the driver writes
 * {@value #MANIFEST} (the job's settings and counts).
 */
public final class SparkCorruption implements Serializable {

    /** The file the driver writes at the output's root when the job has finished. */
    public static final String MANIFEST = "manifest.json";

    private static final long serialVersionUID = 1L;

    private final CorruptionJob job;
    private final ImageFolderCWriter.Format format;
    private final int imagesPerTask;
    private final CleanImages reader;
    private final int centerCrop;

    /** How a task decodes one clean image file on an executor. */
    @FunctionalInterface
    public interface CleanImages extends Serializable {

        /**
         * Decodes one image.
         *
         * @param content its bytes
         * @param file its path or URI
         * @return the image
         * @throws IOException naming the file if it cannot be decoded
         */
        ByteImage read(byte[] content, String file) throws IOException;
    }

    private SparkCorruption(Builder builder) {
        if (builder.job == null) {
            throw new IllegalArgumentException("the corruption job is required (setJob)");
        }
        this.job = builder.job;
        this.format = builder.format;
        this.imagesPerTask = builder.imagesPerTask;
        this.reader = builder.reader;
        this.centerCrop = builder.centerCrop;
    }

    /**
     * Starts a job's settings: the corruption job is required (corruptions, severities, profile,
     * seed, as {@code djmix corrupt}); by default JPEG, 1000 images per task.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Corrupts a folder of images into the ImageNet-C layout.
     *
     * @param spark the session
     * @param input the folder of clean images (a path or URI every executor can read)
     * @param output the layout's root (a path or URI every executor can write)
     * @param partitions how many Spark partitions the tasks are spread over
     * @return the number of files the successful task attempts wrote (0 when the output was already
     *     complete; files a failed attempt committed before dying are kept, not counted)
     * @throws IOException naming the folder if it does not exist or holds no image, or the first
     *     image that cannot be read
     */
    public long runFolder(SparkSession spark, String input, String output, int partitions)
            throws IOException {
        SharedFiles files = SharedFiles.of(spark);
        List<String> names = ImageListing.relativePaths(spark, files, input);
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<List<String>> shared = context.broadcast(names);
        String inputRoot = files.qualified(input);
        String outputRoot = files.qualified(output);
        // shard by shard, so each partition mixes cheap and costly corruptions (glass blur is
        // 100x gaussian noise) and the partitions take about the same time
        List<Shard> tasks =
                Shard.cut(job.getCorruptions(), job.getSeverities(), names.size(), imagesPerTask);
        tasks.sort(Comparator.comparingInt(Shard::from));
        long written =
                context.parallelize(tasks, partitions)
                        .map(
                                task ->
                                        corruptShard(
                                                task, files, inputRoot, outputRoot, shared.value()))
                        .reduce(Long::sum);
        Map<String, Object> manifest = manifest(inputRoot, names.size(), written);
        manifest.put("format", format.name());
        files.writeString(outputRoot + "/" + MANIFEST, json(manifest));
        return written;
    }

    /** Corrupts one shard, writing the files that are not there yet; returns how many it wrote. */
    private long corruptShard(
            Shard task, SharedFiles files, String inputRoot, String outputRoot, List<String> names)
            throws IOException {
        String attempt = "attempt-" + TaskContext.get().taskAttemptId();
        long written = 0;
        for (int i = task.from(); i < task.to(); i++) {
            String target =
                    outputRoot
                            + "/"
                            + ImageFolderCWriter.fileName(
                                    task.corruption(), task.severity(), names.get(i), format);
            if (files.isFile(target)) {
                continue;
            }
            String source = inputRoot + "/" + names.get(i);
            ByteImage clean = reader.read(files.read(source), source);
            if (centerCrop > 0) {
                clean = ImageNetAugmentation.evaluation(centerCrop).apply(clean, null);
            }
            ByteImage corrupted = job.corrupt(clean, task.corruption(), task.severity(), i);
            files.write(target, ImageFolderCWriter.encode(corrupted, format), attempt);
            written++;
        }
        return written;
    }

    /**
     * Corrupts a small labelled set into the CIFAR-10-C layout ({@code <corruption>.npy} and {@code
     * labels.npy}), as {@code djmix corrupt} does for CIFAR data. The images travel to the
     * executors as a broadcast and back to the driver, which writes the files: one Spark job per
     * corruption, so the driver holds one corruption's images at a time.
     *
     * @param spark the session
     * @param clean the clean images, all of one shape
     * @param output the layout's folder on the driver
     * @param partitions how many Spark partitions each corruption's tasks are spread over
     * @return the number of corruption files written (complete ones are skipped)
     * @throws IOException if a file cannot be written or the images differ in shape
     */
    public long runCifar(SparkSession spark, LabelledImages clean, Path output, int partitions)
            throws IOException {
        CifarCWriter writer = new CifarCWriter(output, clean, job.getSeverities());
        List<ByteImage> images = new ArrayList<>(clean.size());
        for (int i = 0; i < clean.size(); i++) {
            images.add(clean.image(i));
        }
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<List<ByteImage>> shared = context.broadcast(images);
        long written = 0;
        for (Corruption corruption : job.getCorruptions()) {
            if (writer.isComplete(corruption, job.getSeverities().get(0))) {
                continue;
            }
            List<List<ByteImage>> shards =
                    context.parallelize(shards(corruption, images.size()), partitions)
                            .map(task -> corruptInMemory(task, shared.value()))
                            .collect();
            List<Shard> tasks = shards(corruption, images.size());
            for (int t = 0; t < tasks.size(); t++) {
                Shard task = tasks.get(t);
                List<ByteImage> shard = shards.get(t);
                for (int i = task.from(); i < task.to(); i++) {
                    writer.accept(corruption, task.severity(), i, shard.get(i - task.from()));
                }
                if (task.to() == images.size()) {
                    writer.blockDone(corruption, task.severity());
                }
            }
            written++;
        }
        Map<String, Object> manifest = manifest("in memory", images.size(), written);
        manifest.put("format", "CIFAR-10-C .npy");
        AtomicFiles.writeString(output.resolve(MANIFEST), json(manifest));
        return written;
    }

    /** One corruption's shards, severity by severity. */
    private List<Shard> shards(Corruption corruption, int count) {
        return Shard.cut(List.of(corruption), job.getSeverities(), count, imagesPerTask);
    }

    private List<ByteImage> corruptInMemory(Shard task, List<ByteImage> images) {
        List<ByteImage> shard = new ArrayList<>(task.to() - task.from());
        for (int i = task.from(); i < task.to(); i++) {
            shard.add(job.corrupt(images.get(i), task.corruption(), task.severity(), i));
        }
        return shard;
    }

    /** The job's settings and counts, which the driver writes once every task has succeeded. */
    private Map<String, Object> manifest(String input, int images, long written) {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("input", input);
        manifest.put("images", images);
        manifest.put("corruptions", job.getCorruptions().stream().map(Corruption::id).toList());
        manifest.put("severities", job.getSeverities());
        manifest.put("profile", job.getProfile().name());
        manifest.put("seed", job.getSeed());
        manifest.put(
                "files", (long) images * job.getCorruptions().size() * job.getSeverities().size());
        manifest.put("writtenByThisRun", written);
        return manifest;
    }

    private static String json(Map<String, Object> manifest) {
        return new GsonBuilder().setPrettyPrinting().create().toJson(manifest);
    }

    /** The settings of a {@link SparkCorruption}. */
    public static final class Builder {

        private CorruptionJob job;
        private ImageFolderCWriter.Format format = ImageFolderCWriter.Format.JPEG;
        private int imagesPerTask = 1000;
        private CleanImages reader = BufferedImages::read;
        private int centerCrop;

        private Builder() {}

        /**
         * Sets what to corrupt and how: the corruptions, severities, profile and seed of {@code
         * djmix corrupt} (its thread count is not used; Spark's cores are).
         *
         * @param job the single-machine job the output must equal
         * @return this builder
         */
        public Builder setJob(CorruptionJob job) {
            this.job = job;
            return this;
        }

        /**
         * Sets the file format of the ImageNet-C layout.
         *
         * @param format JPEG (quality 85, as ImageNet-C) or PNG
         * @return this builder
         */
        public Builder optFormat(ImageFolderCWriter.Format format) {
            this.format = format;
            return this;
        }

        /**
         * Sets the size of a task's shard.
         *
         * @param imagesPerTask images per task, &gt;= 1
         * @return this builder
         */
        public Builder optImagesPerTask(int imagesPerTask) {
            if (imagesPerTask < 1) {
                throw new IllegalArgumentException(
                        "images per task must be >= 1, got " + imagesPerTask);
            }
            this.imagesPerTask = imagesPerTask;
            return this;
        }

        /**
         * Sets how executors decode the clean images (by default {@link BufferedImages#read(byte[],
         * String)}).
         *
         * @param reader the decoder
         * @return this builder
         */
        public Builder optReader(CleanImages reader) {
            this.reader = reader;
            return this;
        }

        /**
         * Resizes and centre-crops each clean image before corrupting it, as ImageNet-C was made:
         * torchvision's {@code Resize(size / 0.875)} and {@code CenterCrop(size)}, so that a folder
         * of ImageNet validation images gives the files of {@code djmix corrupt --input
         * imagenet:DIR@SIZE}.
         *
         * @param size the crop's side, e.g. 224
         * @return this builder
         */
        public Builder optCenterCrop(int size) {
            if (size < 1) {
                throw new IllegalArgumentException("the crop size must be >= 1, got " + size);
            }
            this.centerCrop = size;
            return this;
        }

        /**
         * Builds the job.
         *
         * @return the job
         */
        public SparkCorruption build() {
            return new SparkCorruption(this);
        }
    }
}
