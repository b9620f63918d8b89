package org.djmix.examples.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.djmix.corruptions.Corruption;
import org.djmix.corruptions.CorruptionJob;
import org.djmix.spark.SparkEvaluation;
import org.djmix.tasks.eval.RobustnessReport;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code djmix spark evaluate}: {@code djmix evaluate} of classifiers as a Spark job ({@link
 * SparkEvaluation}): the same report files from the same data and models.
 */
@Command(
        name = "evaluate",
        mixinStandardHelpOptions = true,
        description =
                "Measure classifiers' clean and corrupted error with Spark, as 'djmix evaluate'"
                        + " does.")
public final class SparkEvaluateCommand implements Callable<Integer> {

    @Option(
            names = "--run",
            required = true,
            description =
                    "a run directory of 'djmix train', on a path every executor reads (repeat to"
                            + " compare models)")
    private List<Path> runs;

    @Option(
            names = "--data",
            required = true,
            description = "the classification test data, on a path every executor reads")
    private String data;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private EvaluateCommand.Corrupted corrupted;

    @Mixin private CorruptionOptions corruption;

    @Mixin private SeedOption seed;

    @Mixin private TestLimitOption testLimit;

    @Option(
            names = "--mce",
            description = "ImageNet-C data: add CE, mCE and relative mCE (AlexNet-normalised)")
    private boolean meanCorruptionError;

    @Option(
            names = "--threads-per-task",
            defaultValue = "1",
            description = "PyTorch threads per executor task (default ${DEFAULT-VALUE})")
    private int threadsPerTask;

    @Option(names = "--out", required = true, description = "the report directory, on the driver")
    private Path out;

    @Mixin private SparkOptions sparkOptions;

    @Spec private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        NativeSetup.prepare();
        List<Corruption> chosen = corruption.corruptions(Corruption.COMMON);
        CorruptionJob.Builder blocks =
                CorruptionJob.builder()
                        .optCorruptions(chosen)
                        .optSeverities(corruption.severities())
                        .optSeed(seed.value());
        if (corrupted.profile != null) {
            blocks.optProfile(corrupted.profile);
        }
        SparkEvaluation.Builder evaluation =
                SparkEvaluation.builder()
                        .setJob(blocks.build())
                        .optTestLimit(testLimit.value())
                        .optImagesPerTask(sparkOptions.imagesPerTask())
                        .optThreadsPerTask(threadsPerTask);
        if (corrupted.directory != null) {
            evaluation.optCorrupted(corrupted.directory);
        }
        Map<String, Path> models = new LinkedHashMap<>();
        for (Path run : runs) {
            models.put(EvaluateCommand.reportName(run, models.keySet()), run);
        }
        SparkSession spark = (SparkSession) sparkOptions.session("djmix spark evaluate");
        List<RobustnessReport> reports =
                evaluation
                        .build()
                        .run(
                                spark,
                                models,
                                data,
                                sparkOptions.partitions(spark.sparkContext().defaultParallelism()));
        EvaluateCommand.writeClassification(
                reports, chosen, meanCorruptionError, out, spec.commandLine().getOut());
        return 0;
    }
}
