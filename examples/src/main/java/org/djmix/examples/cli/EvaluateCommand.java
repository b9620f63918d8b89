package org.djmix.examples.cli;

import ai.djl.ndarray.NDManager;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.djmix.corruptions.Corruption;
import org.djmix.corruptions.CorruptionProfile;
import org.djmix.corruptions.LabelledImages;
import org.djmix.tasks.data.ImageDataset;
import org.djmix.tasks.eval.CorruptionSource;
import org.djmix.tasks.eval.ImageClassifier;
import org.djmix.tasks.eval.ReportFiles;
import org.djmix.tasks.eval.RobustnessEvaluation;
import org.djmix.tasks.eval.RobustnessReport;
import org.djmix.tasks.eval.TrainedClassifiers;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code djmix evaluate}: clean and corrupted error of one or more trained models, side by side, as
 * report.json / report.csv / report.md / heatmap.png.
 */
@Command(
        name = "evaluate",
        mixinStandardHelpOptions = true,
        description = "Measure clean and corrupted error of trained models and write a report.")
public final class EvaluateCommand implements Callable<Integer> {

    @Mixin private ThreadsOption threads;

    @Option(
            names = "--run",
            required = true,
            description = "a run directory of 'djmix train' (repeat to compare models)")
    private List<Path> runs;

    @Mixin private DataOption data;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Corrupted corrupted;

    /** Where the corrupted images come from: one of the two. */
    static final class Corrupted {

        @Option(
                names = "--corrupted",
                required = true,
                description = "cifar-c:DIR, a CIFAR-10-C style directory")
        private String directory;

        @Option(
                names = "--corrupt-on-the-fly",
                required = true,
                description =
                        "corrupt the test set in memory with this profile:"
                                + " ${COMPLETION-CANDIDATES}")
        private CorruptionProfile profile;
    }

    @Mixin private CorruptionOptions corruption;

    @Mixin private SeedOption seed;

    @Mixin private TestLimitOption testLimit;

    @Option(
            names = "--mce",
            description = "ImageNet-C data: add CE, mCE and relative mCE (AlexNet-normalised)")
    private boolean meanCorruptionError;

    @Option(names = "--out", required = true, description = "the report directory")
    private Path out;

    @Spec private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        NativeSetup.prepare();
        ImageDataset test =
                data.spec().read(false, testLimit.value()).setSampling(1, false).build();
        LabelledImages clean = test.asLabelledImages();
        CorruptionSource source;
        if (corrupted.directory != null) {
            if (!corrupted.directory.startsWith("cifar-c:")) {
                throw new IllegalArgumentException(
                        "--corrupted must be cifar-c:DIR, got '" + corrupted.directory + "'");
            }
            source =
                    CorruptionSource.cifarC(
                            Path.of(corrupted.directory.substring("cifar-c:".length())));
        } else {
            source =
                    CorruptionSource.onTheFly(
                            clean,
                            corrupted.profile,
                            seed.value(),
                            Runtime.getRuntime().availableProcessors());
        }
        List<Corruption> chosen = corruption.corruptions();
        List<Integer> levels = corruption.severities();
        List<RobustnessReport> reports;
        try (NDManager manager = NDManager.newBaseManager()) {
            Map<String, ImageClassifier> classifiers = new LinkedHashMap<>();
            for (Path run : runs) {
                String name = run.getFileName().toString();
                if (classifiers.containsKey(name)) {
                    throw new IllegalArgumentException(
                            "two --run directories are named '"
                                    + name
                                    + "'; the report needs distinct names");
                }
                classifiers.put(
                        name,
                        TrainedClassifiers.load(
                                run, manager, test.getImageShape(), test.getNumClasses(), 256));
            }
            reports = RobustnessEvaluation.evaluate(classifiers, clean, source, chosen, levels);
        }
        Map<String, List<String>> subsets = new LinkedHashMap<>();
        if (chosen.equals(Corruption.COMMON)) {
            subsets.put(
                    "10 non-brightening",
                    Corruption.NON_BRIGHTENING.stream().map(Corruption::id).toList());
        }
        ReportFiles.write(reports, subsets, meanCorruptionError, out);
        PrintWriter console = spec.commandLine().getOut();
        for (RobustnessReport r : reports) {
            console.printf(
                    "%s: clean error %.2f %%, mean corrupted error %.2f %%%n",
                    r.model(), 100 * r.cleanError(), 100 * r.meanCorruptedError());
        }
        console.println("wrote " + out.resolve("report.md"));
        return 0;
    }
}
