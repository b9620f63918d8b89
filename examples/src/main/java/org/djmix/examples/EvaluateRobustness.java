package org.djmix.examples;

import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.djmix.vqvae.VqVaeDiscretizer;

/**
 * Use case: evaluate robustness and write the report. Trains a baseline and DJMix side by side (as
 * {@link DJMixInEasyTrain}), measures both on the clean test images and on the same images
 * corrupted on the fly by the 15 ImageNet-C corruptions at severities 1 to 5, and writes {@code
 * report.md}, {@code report.json}, {@code report.csv} and {@code heatmap.png}. The corruption error
 * of a model is \(E_c = \frac{1}{5}\sum_s E_{c,s}\), and the report also gives the mean over the
 * corruptions. Run it from the IDE with no arguments: 6 000 training and 1 000 test images of
 * Fashion-MNIST, one epoch each; g from {@code runs/example-g}. Output: {@code
 * runs/example-report}.
 */
public final class EvaluateRobustness {

    private EvaluateRobustness() {}

    /**
     * Trains, evaluates and writes the report.
     *
     * @param args none
     * @throws IOException if data, g or the report cannot be read or written
     * @throws TranslateException if a batch cannot be made
     */
    public static void main(String[] args) throws IOException, TranslateException {
        Path gDirectory = PretrainG.savedOrPretrained();
        Path out = Path.of("runs", "example-report");
        for (RobustnessReport report :
                compare(ExampleData.spec(), gDirectory, 6_000, 1_000, Corruption.COMMON, out)) {
            System.out.printf(
                    "%s: clean error %.2f %%, mean corrupted error %.2f %%%n",
                    report.model(), 100 * report.clean(), 100 * report.meanCorrupted());
        }
        System.out.println("wrote " + out.resolve("report.md"));
    }

    /**
     * Trains a baseline and DJMix for one epoch and compares their robustness.
     *
     * @param data a data spec
     * @param gDirectory a saved g
     * @param trainImages how many training images
     * @param testImages how many test images
     * @param corruptions which corruptions
     * @param out the report directory
     * @return one report per model
     * @throws IOException if data, g or the report cannot be read or written
     * @throws TranslateException if a batch cannot be made
     */
    static List<RobustnessReport> compare(
            String data,
            Path gDirectory,
            int trainImages,
            int testImages,
            List<Corruption> corruptions,
            Path out)
            throws IOException, TranslateException {
        DataSpec spec = DataSpec.parse(data);
        ImageDataset train = spec.read(true, trainImages).setSampling(64, true).build();
        ImageDataset test = spec.read(false, testImages).setSampling(256, false).build();
        LabelledImages clean = test.asLabelledImages();
        try (NDManager manager = NDManager.newBaseManager();
                VqVaeDiscretizer g = VqVaeDiscretizer.load(gDirectory, manager, 256);
                Model baseline = Model.newInstance("baseline");
                Model djmix = Model.newInstance("djmix")) {
            Map<String, ImageClassifier> models = new LinkedHashMap<>();
            for (Model model : List.of(baseline, djmix)) {
                DJMixInEasyTrain.fit(model, model.getName(), g, train, test, 1);
                // in inference the method's block is f itself
                models.put(
                        model.getName(),
                        new ImageClassifier(model.getBlock(), manager, test.getImageShape(), 256));
            }
            CorruptionSource onTheFly =
                    CorruptionSource.onTheFly(
                            clean,
                            CorruptionProfile.forImageSize(
                                    clean.image(0).width(), clean.image(0).height()),
                            0,
                            Runtime.getRuntime().availableProcessors());
            List<RobustnessReport> reports =
                    RobustnessEvaluation.evaluate(
                            models, clean, onTheFly, corruptions, List.of(1, 2, 3, 4, 5));
            ReportFiles.write(reports, Map.of(), false, out);
            return reports;
        }
    }
}
