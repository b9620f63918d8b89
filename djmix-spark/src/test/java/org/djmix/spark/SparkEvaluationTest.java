package org.djmix.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.djmix.core.Discretizer;
import org.djmix.core.method.MethodOptions;
import org.djmix.core.method.Methods;
import org.djmix.corruptions.Corruption;
import org.djmix.corruptions.CorruptionJob;
import org.djmix.corruptions.CorruptionProfile;
import org.djmix.corruptions.ImageFolderCWriter;
import org.djmix.tasks.classification.ClassificationTask;
import org.djmix.tasks.data.DataSpec;
import org.djmix.tasks.data.ImageDataset;
import org.djmix.tasks.data.Shapes;
import org.djmix.tasks.data.TestImages;
import org.djmix.tasks.eval.CorruptionSource;
import org.djmix.tasks.eval.ImageClassifier;
import org.djmix.tasks.eval.ReportFiles;
import org.djmix.tasks.eval.RobustnessEvaluation;
import org.djmix.tasks.eval.RobustnessReport;
import org.djmix.tasks.eval.TrainedClassifiers;
import org.djmix.tasks.training.RunConfig;
import org.djmix.tasks.training.TaskTrainer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Spark evaluation job against {@code djmix evaluate}'s single-machine evaluation. */
class SparkEvaluationTest {

    private static final List<Corruption> CORRUPTIONS =
            List.of(Corruption.GAUSSIAN_NOISE, Corruption.CONTRAST, Corruption.PIXELATE);
    private static final List<Integer> SEVERITIES = List.of(2, 5);
    private static final int IMAGES = 40;

    @TempDir static Path dir;
    private static SparkSession spark;
    private static Path run;
    private static TestImages test;

    @BeforeAll
    static void train() throws IOException {
        spark = TestSpark.session();
        run = dir.resolve("small-cnn");
        RunConfig config =
                new RunConfig(
                        RunConfig.FORMAT,
                        "djmix-spark test",
                        "classification",
                        "small-cnn",
                        4,
                        new long[] {3, 32, 32},
                        "shapes",
                        "baseline",
                        null,
                        null,
                        false,
                        2,
                        16,
                        0.05f,
                        1e-4f,
                        0.9f,
                        0,
                        7,
                        Map.of());
        ImageDataset.Builder train = Shapes.generate(true).optLimit(96);
        ImageDataset check = Shapes.generate(false).setSampling(16, false).optLimit(16).build();
        TaskTrainer.of(
                        new ClassificationTask("small-cnn", 4),
                        Methods.create(
                                "baseline",
                                MethodOptions.builder()
                                        .setDiscretizer(Discretizer.identity())
                                        .build()),
                        config)
                .train(ClassificationTask.trainingData(train), check, run, false, 2);
        test = TestImages.of(DataSpec.parse("shapes"), IMAGES);
    }

    /** {@code djmix evaluate}'s computation on one machine, written as report files. */
    private static Map<String, String> onOneMachine(CorruptionSource source, String name)
            throws IOException {
        try (NDManager manager = NDManager.newBaseManager()) {
            Map<String, ImageClassifier> models = new LinkedHashMap<>();
            for (String model : List.of("first", "second")) {
                models.put(
                        model,
                        TrainedClassifiers.load(
                                run, manager, test.imageShape(), test.numClasses(), 256));
            }
            return reportFiles(
                    RobustnessEvaluation.evaluate(
                            models, test.images(), source, CORRUPTIONS, SEVERITIES),
                    name);
        }
    }

    private static Map<String, String> reportFiles(List<RobustnessReport> reports, String name)
            throws IOException {
        Path out = dir.resolve(name);
        ReportFiles.write(reports, Map.of(), false, out);
        return Map.of(
                "report.json", Files.readString(out.resolve("report.json")),
                "report.csv", Files.readString(out.resolve("report.csv")));
    }

    private static SparkEvaluation.Builder settings() {
        return settings(CorruptionProfile.AUTO, 0);
    }

    private static SparkEvaluation.Builder settings(CorruptionProfile profile, long seed) {
        return SparkEvaluation.builder()
                .setJob(
                        CorruptionJob.builder()
                                .optCorruptions(CORRUPTIONS)
                                .optSeverities(SEVERITIES)
                                .optProfile(profile)
                                .optSeed(seed)
                                .build())
                .optTestLimit(IMAGES)
                .optImagesPerTask(15);
    }

    private static Map<String, Path> twoModels() {
        Map<String, Path> runs = new LinkedHashMap<>();
        runs.put("first", run);
        runs.put("second", run);
        return runs;
    }

    @Test
    void onTheFlyCorruptionGivesTheReportOfOneMachine() throws IOException {
        Map<String, String> expected =
                onOneMachine(
                        CorruptionSource.onTheFly(test.images(), CorruptionProfile.CIFAR, 5, 2),
                        "one-machine");
        List<RobustnessReport> reports =
                settings(CorruptionProfile.CIFAR, 5).build().run(spark, twoModels(), "shapes", 3);
        assertThat(reports).extracting(RobustnessReport::model).containsExactly("first", "second");
        assertThat(reports.get(0).clean()).isBetween(0.0, 0.9);
        assertThat(reports.get(0).values())
                .containsOnlyKeys("gaussian_noise", "contrast", "pixelate");
        assertThat(reportFiles(reports, "spark")).isEqualTo(expected);
    }

    @Test
    void anImageNetCFolderGivesTheReportOfOneMachine() throws IOException {
        Path corrupted = dir.resolve("shapes-c");
        CorruptionJob.builder()
                .optCorruptions(CORRUPTIONS)
                .optSeverities(SEVERITIES)
                .optProfile(CorruptionProfile.CIFAR)
                .optSeed(9)
                .build()
                .run(
                        test.images(),
                        new ImageFolderCWriter(
                                corrupted, test.images(), ImageFolderCWriter.Format.PNG));
        Map<String, String> expected =
                onOneMachine(
                        CorruptionSource.imageFolder(corrupted, test.images()), "one-machine-c");
        List<RobustnessReport> reports =
                settings()
                        .optCorrupted("imagenet-c:" + corrupted)
                        .build()
                        .run(spark, twoModels(), "shapes", 2);
        assertThat(reportFiles(reports, "spark-c")).isEqualTo(expected);

        Files.move(corrupted.resolve("pixelate/5"), dir.resolve("moved-away"));
        int jobs = spark.sparkContext().statusTracker().getJobIdsForGroup(null).length;
        assertThatThrownBy(
                        () ->
                                settings()
                                        .optCorrupted("imagenet-c:" + corrupted)
                                        .build()
                                        .run(spark, twoModels(), "shapes", 2))
                .hasMessageContaining(corrupted.toString())
                .hasMessageContaining("pixelate/5");
        assertThat(spark.sparkContext().statusTracker().getJobIdsForGroup(null)).hasSize(jobs);
    }

    @Test
    void aModelThatDoesNotMatchTheDataIsRefusedBeforeAnyTask() throws IOException {
        int jobs = spark.sparkContext().statusTracker().getJobIdsForGroup(null).length;
        assertThatThrownBy(
                        () ->
                                settings()
                                        .build()
                                        .run(
                                                spark,
                                                Map.of("m", run),
                                                "cifar10:" + dir.resolve("no-such-cifar"),
                                                2))
                .hasMessageContaining("no-such-cifar")
                .hasMessageContaining("does not exist");
        Path other = Files.createDirectories(dir.resolve("other-run"));
        Files.writeString(
                other.resolve("config.json"),
                Files.readString(run.resolve("config.json"))
                        .replace("\"numClasses\": 4", "\"numClasses\": 10"));
        assertThatThrownBy(() -> settings().build().run(spark, Map.of("m", other), "shapes", 2))
                .hasMessageContaining(other.toString())
                .hasMessageContaining("was trained for 10 classes, the data has 4");
        assertThat(spark.sparkContext().statusTracker().getJobIdsForGroup(null)).hasSize(jobs);
    }
}
