package org.djmix.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.djmix.corruptions.Corruption;
import org.djmix.corruptions.CorruptionJob;
import org.djmix.corruptions.ImageFolderCDirectory;
import org.djmix.corruptions.LabelledImages;
import org.djmix.tasks.data.DataSpec;
import org.djmix.tasks.data.TestImages;
import org.djmix.tasks.eval.CorruptionSource;
import org.djmix.tasks.eval.ImageClassifier;
import org.djmix.tasks.eval.ImageMistakes;
import org.djmix.tasks.eval.RobustnessEvaluation;
import org.djmix.tasks.eval.RobustnessReport;
import org.djmix.tasks.eval.TrainedClassifiers;

/**
 * {@code djmix evaluate} of classifiers as a Spark job: the same {@link RobustnessReport}s, so the
 * same report files. The clean test set and every (corruption, severity) block are cut into shards;
 * a task measures every model on one shard, so each block is read (or corrupted on the fly) once.
 * Each executor JVM loads the test set's list and each model once ({@link ExecutorCache}; the
 * models from run directories every executor can read) and runs PyTorch on {@code threadsPerTask}
 * threads (1 by default: Spark runs one task per core). A task's outcome is one row per (model,
 * image): whether it was misclassified. The driver aggregates them with {@code groupBy(model,
 * corruption, severity)}, which counts the rows of successful task attempts only (accumulators
 * would count a retried task twice), and keeps the wrong images' indices for the report's paired
 * statistics. The error of a block is \(E_{c,s} = \frac{1}{n}\sum_i [f(\tilde x_i) \ne y_i]\).
 */
public final class SparkEvaluation implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The block name of the clean test set in the aggregated rows. */
    private static final String CLEAN = "clean";

    private static final StructType OUTCOMES =
            new StructType()
                    .add("model", DataTypes.StringType, false)
                    .add("corruption", DataTypes.StringType, false)
                    .add("severity", DataTypes.IntegerType, false)
                    .add("index", DataTypes.IntegerType, false)
                    .add("wrong", DataTypes.BooleanType, false);

    private final CorruptionJob job;
    private final String corrupted;
    private final Integer testLimit;
    private final int imagesPerTask;
    private final int batchSize;
    private final int threadsPerTask;

    private SparkEvaluation(Builder builder) {
        if (builder.job == null) {
            throw new IllegalArgumentException("the corruption job is required (setJob)");
        }
        this.job = builder.job;
        this.corrupted = builder.corrupted;
        this.testLimit = builder.testLimit;
        this.imagesPerTask = builder.imagesPerTask;
        this.batchSize = builder.batchSize;
        this.threadsPerTask = builder.threadsPerTask;
    }

    /**
     * Starts an evaluation's settings: the corruption job is required (which corruptions and
     * severities; the profile and seed when corrupting on the fly); by default the images are
     * corrupted on the fly, 500 images per task, batches of 256, one PyTorch thread per task.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Evaluates classifiers.
     *
     * @param spark the session
     * @param runs the models: report name to run directory (a path every executor can read)
     * @param data the test data, as {@code djmix evaluate --data} names it (the spec every executor
     *     reads)
     * @param partitions how many Spark partitions the tasks are spread over
     * @return one report per model, in the order of {@code runs}
     * @throws IOException naming the run or the data if a model does not fit the data, or the
     *     folder of corrupted images lacks blocks; these are checked before any task starts
     */
    public List<RobustnessReport> run(
            SparkSession spark, Map<String, Path> runs, String data, int partitions)
            throws IOException {
        TestImages test = TestImages.of(DataSpec.parse(data), testLimit);
        for (Path run : runs.values()) {
            TrainedClassifiers.check(run, test.imageShape(), test.numClasses());
        }
        if (corrupted != null && corrupted.startsWith("imagenet-c:")) {
            Path directory = Path.of(corrupted.substring("imagenet-c:".length()));
            List<String> missing =
                    ImageFolderCDirectory.missing(
                            directory, job.getCorruptions(), job.getSeverities());
            if (!missing.isEmpty()) {
                throw new IOException(
                        directory + " lacks the blocks " + String.join(", ", missing));
            }
        }
        int n = test.images().size();
        List<Shard> tasks = new ArrayList<>(Shard.cut(null, 0, n, imagesPerTask));
        tasks.addAll(Shard.cut(job.getCorruptions(), job.getSeverities(), n, imagesPerTask));
        Map<String, String> models = new LinkedHashMap<>();
        runs.forEach((name, run) -> models.put(name, run.toAbsolutePath().toString()));
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        JavaRDD<Row> outcomes =
                context.parallelize(tasks, partitions)
                        .flatMap(task -> measure(task, models, data).iterator());
        List<Row> blocks =
                spark.createDataFrame(outcomes, OUTCOMES)
                        .groupBy("model", "corruption", "severity")
                        .agg(
                                count(lit(1)).as("images"),
                                sum(col("wrong").cast("int")).as("errors"),
                                collect_list(when(col("wrong"), col("index"))).as("wrongImages"))
                        .collectAsList();
        return reports(models.keySet(), blocks, n);
    }

    /** Measures every model on one shard: one row per (model, image). */
    private List<Row> measure(Shard task, Map<String, String> models, String data)
            throws IOException {
        if (System.getProperty("ai.djl.pytorch.num_threads") == null) {
            System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threadsPerTask));
            System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        }
        TestImages test =
                ExecutorCache.get(
                        "test " + data + " " + testLimit,
                        () -> TestImages.of(DataSpec.parse(data), testLimit));
        LabelledImages shard;
        if (task.corruption() == null) {
            shard = ShardImages.of(test.images(), task.from(), task.to());
        } else if (corrupted == null) {
            shard =
                    ShardImages.corrupted(
                            test.images(),
                            task.from(),
                            task.to(),
                            job,
                            task.corruption(),
                            task.severity());
        } else {
            LabelledImages block =
                    CorruptionSource.parse(corrupted, test.images())
                            .images(task.corruption(), task.severity());
            shard = ShardImages.of(block, task.from(), task.to());
        }
        String block = task.corruption() == null ? CLEAN : task.corruption().id();
        List<Row> rows = new ArrayList<>(models.size() * shard.size());
        for (Map.Entry<String, String> model : models.entrySet()) {
            ImageClassifier classifier =
                    ExecutorCache.get(
                            "model " + model.getValue() + " " + data + " " + batchSize,
                            () ->
                                    TrainedClassifiers.load(
                                            Path.of(model.getValue()),
                                            NDManager.newBaseManager(),
                                            test.imageShape(),
                                            test.numClasses(),
                                            batchSize));
            BitSet wrong = classifier.mistakes(shard);
            for (int i = 0; i < shard.size(); i++) {
                rows.add(
                        RowFactory.create(
                                model.getKey(),
                                block,
                                task.severity(),
                                task.from() + i,
                                wrong.get(i)));
            }
        }
        return rows;
    }

    /** Each model's report from the aggregated blocks, checking every image was counted once. */
    private List<RobustnessReport> reports(Iterable<String> models, List<Row> blocks, int n) {
        List<Integer> severities = job.getSeverities();
        Map<String, BitSet> wrong = new HashMap<>();
        for (Row row : blocks) {
            String key = row.getString(0) + "/" + row.getString(1) + "/" + row.getInt(2);
            long images = row.getLong(3);
            if (images != n) {
                throw new IllegalStateException(
                        key + " counted " + images + " images, the test set has " + n);
            }
            BitSet bits = new BitSet(n);
            for (Object index : row.getList(5)) {
                bits.set((Integer) index);
            }
            wrong.put(key, bits);
        }
        List<RobustnessReport> reports = new ArrayList<>();
        for (String model : models) {
            BitSet clean = block(wrong, model + "/" + CLEAN + "/0");
            Map<String, BitSet[]> corruptedWrong = new LinkedHashMap<>();
            for (Corruption corruption : job.getCorruptions()) {
                BitSet[] perSeverity = new BitSet[severities.size()];
                for (int s = 0; s < perSeverity.length; s++) {
                    perSeverity[s] =
                            block(wrong, model + "/" + corruption.id() + "/" + severities.get(s));
                }
                corruptedWrong.put(corruption.id(), perSeverity);
            }
            reports.add(
                    RobustnessEvaluation.report(
                            model, new ImageMistakes(n, clean, corruptedWrong), severities));
        }
        return reports;
    }

    private static BitSet block(Map<String, BitSet> wrong, String key) {
        BitSet bits = wrong.get(key);
        if (bits == null) {
            throw new IllegalStateException("no outcome was aggregated for " + key);
        }
        return bits;
    }

    /** The settings of a {@link SparkEvaluation}. */
    public static final class Builder {

        private CorruptionJob job;
        private String corrupted;
        private Integer testLimit;
        private int imagesPerTask = 500;
        private int batchSize = 256;
        private int threadsPerTask = 1;

        private Builder() {}

        /**
         * Sets the blocks to measure, and how to corrupt on the fly: the corruptions, severities,
         * profile and seed of {@code djmix evaluate} (its thread count is not used).
         *
         * @param job the corruption job
         * @return this builder
         */
        public Builder setJob(CorruptionJob job) {
            this.job = job;
            return this;
        }

        /**
         * Reads the corrupted images from a directory every executor can read, instead of
         * corrupting them on the fly.
         *
         * @param corrupted {@code cifar-c:DIR} or {@code imagenet-c:DIR}, as {@code djmix evaluate
         *     --corrupted}
         * @return this builder
         * @throws IllegalArgumentException naming the text if it is neither form
         */
        public Builder optCorrupted(String corrupted) {
            if (!corrupted.startsWith("cifar-c:") && !corrupted.startsWith("imagenet-c:")) {
                throw new IllegalArgumentException(
                        "the corrupted images must be cifar-c:DIR or imagenet-c:DIR, got '"
                                + corrupted
                                + "'");
            }
            this.corrupted = corrupted;
            return this;
        }

        /**
         * Evaluates only the first test images.
         *
         * @param testLimit the most images, or null for all
         * @return this builder
         */
        public Builder optTestLimit(Integer testLimit) {
            this.testLimit = testLimit;
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
         * Sets the images per forward pass.
         *
         * @param batchSize &gt;= 1
         * @return this builder
         */
        public Builder optBatchSize(int batchSize) {
            if (batchSize < 1) {
                throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
            }
            this.batchSize = batchSize;
            return this;
        }

        /**
         * Sets PyTorch's threads in an executor JVM (unless {@code ai.djl.pytorch.num_threads} is
         * set there already); applies when the executor first loads PyTorch.
         *
         * @param threadsPerTask &gt;= 1; 1 when Spark runs one task per core
         * @return this builder
         */
        public Builder optThreadsPerTask(int threadsPerTask) {
            if (threadsPerTask < 1) {
                throw new IllegalArgumentException(
                        "threads per task must be >= 1, got " + threadsPerTask);
            }
            this.threadsPerTask = threadsPerTask;
            return this;
        }

        /**
         * Builds the evaluation.
         *
         * @return the evaluation
         */
        public SparkEvaluation build() {
            return new SparkEvaluation(this);
        }
    }
}
