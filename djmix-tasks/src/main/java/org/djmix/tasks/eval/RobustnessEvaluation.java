package org.djmix.tasks.eval;

import ai.djl.training.util.ProgressBar;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.djmix.corruptions.Corruption;
import org.djmix.corruptions.LabelledImages;

/**
 * Measures classifiers' clean error and their error on every corruption and severity. Each
 * corrupted block is read (or corrupted on the fly) once and given to every model, so comparing
 * models costs no extra corruption work.
 */
public final class RobustnessEvaluation {

    private RobustnessEvaluation() {}

    /**
     * Evaluates several models on the same test images.
     *
     * @param models the models by their names in the report, in report order
     * @param clean the clean test images
     * @param source the corrupted test images
     * @param corruptions the corruptions to evaluate
     * @param severities the severities to evaluate
     * @return one report per model, in the order of {@code models}
     * @throws IOException if corrupted images cannot be read
     */
    public static List<RobustnessReport> evaluate(
            Map<String, ImageClassifier> models,
            LabelledImages clean,
            CorruptionSource source,
            List<Corruption> corruptions,
            List<Integer> severities)
            throws IOException {
        List<String> names = List.copyOf(models.keySet());
        long blocks = (long) corruptions.size() * severities.size() + 1;
        ProgressBar progress =
                new ProgressBar("Evaluating " + String.join(", ", names), blocks * names.size());
        long done = 0;
        double[] cleanErrors = new double[names.size()];
        for (int m = 0; m < names.size(); m++) {
            cleanErrors[m] = models.get(names.get(m)).errorRate(clean);
            progress.update(++done);
        }
        List<Map<String, double[]>> errors = new ArrayList<>();
        names.forEach(name -> errors.add(new LinkedHashMap<>()));
        for (Corruption corruption : corruptions) {
            for (Map<String, double[]> modelErrors : errors) {
                modelErrors.put(corruption.id(), new double[severities.size()]);
            }
            for (int s = 0; s < severities.size(); s++) {
                LabelledImages images = source.images(corruption, severities.get(s));
                for (int m = 0; m < names.size(); m++) {
                    errors.get(m).get(corruption.id())[s] =
                            models.get(names.get(m)).errorRate(images);
                    progress.update(++done);
                }
            }
        }
        progress.end();
        List<RobustnessReport> reports = new ArrayList<>();
        for (int m = 0; m < names.size(); m++) {
            reports.add(
                    new RobustnessReport(
                            names.get(m), cleanErrors[m], errors.get(m), List.copyOf(severities)));
        }
        return reports;
    }
}
