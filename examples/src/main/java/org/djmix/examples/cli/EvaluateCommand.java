package org.djmix.examples.cli;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.djmix.corruptions.Corruption;
import org.djmix.corruptions.CorruptionProfile;
import org.djmix.corruptions.ImageFolderCDirectory;
import org.djmix.corruptions.LabelledImages;
import org.djmix.tasks.data.TestImages;
import org.djmix.tasks.detection.DetectionEvaluation;
import org.djmix.tasks.detection.DetectionSource;
import org.djmix.tasks.detection.Detector;
import org.djmix.tasks.eval.CorruptionSource;
import org.djmix.tasks.eval.ImageClassifier;
import org.djmix.tasks.eval.ReportFiles;
import org.djmix.tasks.eval.RobustnessEvaluation;
import org.djmix.tasks.eval.RobustnessReport;
import org.djmix.tasks.eval.TrainedClassifiers;
import org.djmix.tasks.segmentation.SegmentationEvaluation;
import org.djmix.tasks.segmentation.SegmentationSource;
import org.djmix.tasks.segmentation.Segmenter;
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

    /**
     * Where the corrupted images come from: one of the two (also for {@code djmix spark evaluate}).
     */
    static final class Corrupted {

        @Option(
                names = "--corrupted",
                required = true,
                description =
                        "cifar-c:DIR (the CIFAR-10-C layout of .npy files) or imagenet-c:DIR (the"
                                + " ImageNet-C layout of image folders, as 'djmix corrupt' writes"
                                + " for folders and segmentation sets)")
        String directory;

        @Option(
                names = "--corrupt-on-the-fly",
                required = true,
                description =
                        "corrupt the test set in memory with this profile:"
                                + " ${COMPLETION-CANDIDATES} (segmentation: AUTO keeps each"
                                + " image's size)")
        CorruptionProfile profile;
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
        if (data.isSegmentation()) {
            return segmentation();
        }
        if (data.isDetection()) {
            return detection();
        }
        TestImages test = TestImages.of(data.spec(), testLimit.value());
        LabelledImages clean = test.images();
        Shape imageShape = test.imageShape();
        int numClasses = test.numClasses();
        CorruptionSource source = source(clean);
        List<Corruption> chosen = present(corruption.corruptions(Corruption.COMMON));
        List<Integer> levels = corruption.severities();
        List<RobustnessReport> reports;
        try (NDManager manager = NDManager.newBaseManager()) {
            Map<String, ImageClassifier> classifiers = new LinkedHashMap<>();
            for (Path run : runs) {
                classifiers.put(
                        reportName(run, classifiers.keySet()),
                        TrainedClassifiers.load(run, manager, imageShape, numClasses, 256));
            }
            reports = RobustnessEvaluation.evaluate(classifiers, clean, source, chosen, levels);
        }
        writeClassification(reports, chosen, meanCorruptionError, out, spec.commandLine().getOut());
        return 0;
    }

    /**
     * Writes classifiers' report files (with the 10 non-brightening corruptions as a subset when
     * the 15 common ones were measured) and prints each model's clean and mean corrupted error.
     *
     * @param reports the reports
     * @param chosen the corruptions measured
     * @param meanCorruptionError add CE, mCE and relative mCE
     * @param out the report directory
     * @param console where the lines go
     * @throws IOException if a file cannot be written
     */
    static void writeClassification(
            List<RobustnessReport> reports,
            List<Corruption> chosen,
            boolean meanCorruptionError,
            Path out,
            PrintWriter console)
            throws IOException {
        Map<String, List<String>> subsets = new LinkedHashMap<>();
        if (chosen.equals(Corruption.COMMON)) {
            subsets.put(
                    "10 non-brightening",
                    Corruption.NON_BRIGHTENING.stream().map(Corruption::id).toList());
        }
        ReportFiles.write(reports, subsets, meanCorruptionError, out);
        for (RobustnessReport r : reports) {
            console.printf(
                    "%s: clean error %.2f %%, mean corrupted error %.2f %%%n",
                    r.model(), 100 * r.clean(), 100 * r.meanCorrupted());
        }
        console.println("wrote " + out.resolve("report.md"));
    }

    /** Segmentation-C: mIoU of segmentation runs on the validation images, clean and corrupted. */
    private int segmentation() throws IOException {
        if (meanCorruptionError) {
            throw new IllegalArgumentException(
                    "--mce is for ImageNet classification; segmentation reports mIoU");
        }
        SegmentationSource validation = data.segmentation().validation();
        if (testLimit.value() != null) {
            validation = validation.limit(testLimit.value());
        }
        refuseCifarC("segmentation");
        CorruptionSource source = source(validation.asLabelledImages());
        List<RobustnessReport> reports;
        try (NDManager manager = NDManager.newBaseManager()) {
            Map<String, Segmenter> segmenters = new LinkedHashMap<>();
            for (Path run : runs) {
                Segmenter segmenter = Segmenter.load(run, manager, 16);
                if (segmenter.getNumClasses() != validation.numClasses()) {
                    throw new IllegalArgumentException(
                            run
                                    + " was trained for "
                                    + segmenter.getNumClasses()
                                    + " classes, "
                                    + data.text()
                                    + " has "
                                    + validation.numClasses());
                }
                segmenters.put(reportName(run, segmenters.keySet()), segmenter);
            }
            reports =
                    SegmentationEvaluation.evaluate(
                            segmenters,
                            validation,
                            source,
                            present(corruption.corruptions(Corruption.SEGMENTATION_DETECTION)),
                            corruption.severities());
        }
        return finish(reports, "mIoU");
    }

    /** Detection-C: mAP of detection runs on the test images, clean and corrupted; mPC, rPC. */
    private int detection() throws IOException {
        if (meanCorruptionError) {
            throw new IllegalArgumentException(
                    "--mce is for ImageNet classification; detection reports mAP, mPC and rPC");
        }
        DetectionSource test = data.detection().test();
        if (testLimit.value() != null) {
            test = test.limit(testLimit.value());
        }
        refuseCifarC("detection");
        CorruptionSource source = source(test.asLabelledImages());
        List<RobustnessReport> reports;
        try (NDManager manager = NDManager.newBaseManager()) {
            Map<String, Detector> detectors = new LinkedHashMap<>();
            for (Path run : runs) {
                detectors.put(reportName(run, detectors.keySet()), Detector.load(run, manager, 8));
            }
            reports =
                    DetectionEvaluation.evaluate(
                            detectors,
                            test,
                            source,
                            present(corruption.corruptions(Corruption.SEGMENTATION_DETECTION)),
                            corruption.severities());
        }
        return finish(reports, "mAP");
    }

    /** The dense tasks read corrupted folders: a CIFAR-C directory holds classification images. */
    private void refuseCifarC(String task) {
        if (corrupted.directory != null && corrupted.directory.startsWith("cifar-c:")) {
            throw new IllegalArgumentException(
                    "--corrupted cifar-c: holds classification images; "
                            + task
                            + " reads imagenet-c:DIR (write it with 'djmix corrupt --input "
                            + data.text()
                            + " --output DIR')");
        }
    }

    /** Writes the report files and prints each model's clean and mean corrupted figure. */
    private int finish(List<RobustnessReport> reports, String metric) throws IOException {
        ReportFiles.write(reports, Map.of(), false, out);
        PrintWriter console = spec.commandLine().getOut();
        for (RobustnessReport r : reports) {
            console.printf(
                    "%s: clean %s %.2f %%, mean corrupted %s %.2f %%%n",
                    r.model(), metric, 100 * r.clean(), metric, 100 * r.meanCorrupted());
        }
        console.println("wrote " + out.resolve("report.md"));
        return 0;
    }

    /**
     * The corruptions to evaluate: all those asked for, except, in an ImageNet-C folder, those
     * missing one of the severities asked for; the missing blocks are named on the console.
     */
    private List<Corruption> present(List<Corruption> asked) throws IOException {
        String text = corrupted.directory;
        if (text == null || !text.startsWith("imagenet-c:")) {
            return asked;
        }
        Path directory = Path.of(text.substring("imagenet-c:".length()));
        List<String> missing =
                ImageFolderCDirectory.missing(directory, asked, corruption.severities());
        if (missing.isEmpty()) {
            return asked;
        }
        List<Corruption> kept =
                asked.stream()
                        .filter(c -> missing.stream().noneMatch(m -> m.startsWith(c.id() + "/")))
                        .toList();
        if (kept.isEmpty()) {
            throw new IllegalArgumentException(
                    "--corrupted "
                            + text
                            + " holds none of the corruptions asked for at every severity asked"
                            + " for; missing: "
                            + String.join(", ", missing));
        }
        spec.commandLine()
                .getErr()
                .printf(
                        "%s lacks %d block(s): %s; evaluating the %d corruption(s) present at"
                                + " every severity asked for: %s%n",
                        directory,
                        missing.size(),
                        String.join(", ", missing),
                        kept.size(),
                        String.join(", ", kept.stream().map(Corruption::id).toList()));
        return kept;
    }

    /** The corrupted images: a directory in one of the two layouts, or made on the fly. */
    private CorruptionSource source(LabelledImages clean) {
        if (corrupted.directory == null) {
            return CorruptionSource.onTheFly(
                    clean,
                    corrupted.profile,
                    seed.value(),
                    Runtime.getRuntime().availableProcessors());
        }
        return CorruptionSource.parse(corrupted.directory, clean);
    }

    /** A run's column name in the report: its directory's name, which must be unique. */
    static String reportName(Path run, Set<String> taken) {
        String name = run.getFileName().toString();
        if (taken.contains(name)) {
            throw new IllegalArgumentException(
                    "two --run directories are named '"
                            + name
                            + "'; the report needs distinct names");
        }
        return name;
    }
}
