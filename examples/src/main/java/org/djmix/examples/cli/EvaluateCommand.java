package org.djmix.examples.cli;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.djmix.core.platform.GlibcMalloc;
import org.djmix.corruptions.Corruption;
import org.djmix.corruptions.CorruptionProfile;
import org.djmix.corruptions.LabelledImages;
import org.djmix.tasks.data.DataSpec;
import org.djmix.tasks.data.ImageDataset;
import org.djmix.tasks.eval.CorruptionSource;
import org.djmix.tasks.eval.ImageClassifier;
import org.djmix.tasks.eval.ReportFiles;
import org.djmix.tasks.eval.RobustnessEvaluation;
import org.djmix.tasks.eval.RobustnessReport;
import org.djmix.tasks.eval.TrainedClassifiers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code djmix evaluate}: clean and corrupted error of one or more trained models, side by side, as
 * report.json / report.csv / report.md / heatmap.png.
 */
@Command(
        name = "evaluate",
        mixinStandardHelpOptions = true,
        description = "Measure clean and corrupted error of trained models and write a report.")
public final class EvaluateCommand implements Callable<Integer> {

    /** The corruptions that do not brighten a black background. */
    static final List<String> NON_BRIGHTENING =
            Corruption.COMMON.stream()
                    .filter(
                            c ->
                                    !List.of(
                                                    Corruption.SNOW,
                                                    Corruption.FROST,
                                                    Corruption.FOG,
                                                    Corruption.BRIGHTNESS,
                                                    Corruption.CONTRAST)
                                            .contains(c))
                    .map(Corruption::id)
                    .toList();

    @Option(
            names = "--model",
            required = true,
            description = "a run directory of 'djmix train' (repeat to compare models)")
    private List<Path> models;

    @Option(
            names = "--data",
            required = true,
            description = "the clean test set: " + DataSpec.FORMS)
    private String data;

    @Option(names = "--corrupted", description = "cifar-c:DIR, a CIFAR-10-C style directory")
    private String corrupted;

    @Option(
            names = "--corrupt-on-the-fly",
            description =
                    "corrupt the test set in memory with this profile (cifar, imagenet, auto)")
    private String onTheFly;

    @Option(
            names = "--corruptions",
            defaultValue = "common",
            description = "common, validation, segdet, all or names (default ${DEFAULT-VALUE})")
    private String corruptions;

    @Option(
            names = "--severities",
            defaultValue = "1-5",
            description = "e.g. 1-5 or 1,3,5 (default ${DEFAULT-VALUE})")
    private String severities;

    @Option(
            names = "--seed",
            defaultValue = "0",
            description = "on-the-fly seed (default ${DEFAULT-VALUE})")
    private long seed;

    @Option(names = "--test-limit", description = "use only the first N test images")
    private Integer testLimit;

    @Option(
            names = "--mce",
            description = "ImageNet-C data: add CE, mCE and relative mCE (AlexNet-normalised)")
    private boolean meanCorruptionError;

    @Option(names = "--out", required = true, description = "the report directory")
    private Path out;

    @Override
    public Integer call() throws Exception {
        if ((corrupted == null) == (onTheFly == null)) {
            throw new IllegalArgumentException(
                    "give exactly one of --corrupted cifar-c:DIR and --corrupt-on-the-fly PROFILE");
        }
        GlibcMalloc.keepFreedMemory();
        ImageDataset.Builder builder = DataSpec.parse(data).read(false).setSampling(1, false);
        if (testLimit != null) {
            builder.optLimit(testLimit);
        }
        ImageDataset test = builder.build();
        LabelledImages clean = test.asLabelledImages();
        CorruptionSource source;
        if (corrupted != null) {
            if (!corrupted.startsWith("cifar-c:")) {
                throw new IllegalArgumentException(
                        "--corrupted must be cifar-c:DIR, got '" + corrupted + "'");
            }
            source = CorruptionSource.cifarC(Path.of(corrupted.substring("cifar-c:".length())));
        } else {
            source =
                    CorruptionSource.onTheFly(
                            clean,
                            CorruptionProfile.fromName(onTheFly),
                            seed,
                            Runtime.getRuntime().availableProcessors());
        }
        List<Corruption> chosen = CorruptCommand.parseCorruptions(corruptions);
        List<Integer> levels = CorruptCommand.parseSeverities(severities);
        List<RobustnessReport> reports;
        try (NDManager manager = NDManager.newBaseManager()) {
            Map<String, ImageClassifier> classifiers = new LinkedHashMap<>();
            for (Path model : models) {
                String name = model.getFileName().toString();
                if (classifiers.containsKey(name)) {
                    throw new IllegalArgumentException(
                            "two --model directories are named '"
                                    + name
                                    + "'; the report needs distinct names");
                }
                classifiers.put(
                        name,
                        TrainedClassifiers.load(
                                model, manager, test.getImageShape(), test.getNumClasses(), 256));
            }
            reports = RobustnessEvaluation.evaluate(classifiers, clean, source, chosen, levels);
        }
        Map<String, List<String>> subsets = new LinkedHashMap<>();
        if (chosen.equals(Corruption.COMMON)) {
            subsets.put("10 non-brightening", NON_BRIGHTENING);
        }
        ReportFiles.write(reports, subsets, meanCorruptionError, out);
        for (RobustnessReport r : reports) {
            System.out.printf(
                    "%s: clean error %.2f %%, mean corrupted error %.2f %%%n",
                    r.model(), 100 * r.cleanError(), 100 * r.meanCorruptedError());
        }
        System.out.println("wrote " + out.resolve("report.md"));
        return 0;
    }
}
