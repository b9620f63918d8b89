package org.djmix.tasks.eval;

import ai.djl.training.util.ProgressBar;
import java.io.IOException;
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
        long blocks = (long) corruptions.size() * severities.size() + 1;
        ProgressBar progress =
                new ProgressBar(
                        "Evaluating " + String.join(", ", models.keySet()), blocks * models.size());
        long done = 0;
        Map<String, Double> cleanErrors = new LinkedHashMap<>();
        Map<String, Map<String, double[]>> errors = new LinkedHashMap<>();
        for (Map.Entry<String, ImageClassifier> model : models.entrySet()) {
            cleanErrors.put(model.getKey(), model.getValue().errorRate(clean));
            errors.put(model.getKey(), new LinkedHashMap<>());
            progress.update(++done);
        }
        for (Corruption corruption : corruptions) {
            for (int s = 0; s < severities.size(); s++) {
                LabelledImages images = source.images(corruption, severities.get(s));
                for (Map.Entry<String, ImageClassifier> model : models.entrySet()) {
                    double[] perSeverity =
                            errors.get(model.getKey())
                                    .computeIfAbsent(
                                            corruption.id(), id -> new double[severities.size()]);
                    perSeverity[s] = model.getValue().errorRate(images);
                    progress.update(++done);
                }
            }
        }
        progress.end();
        return models.keySet().stream()
                .map(
                        name ->
                                new RobustnessReport(
                                        name,
                                        cleanErrors.get(name),
                                        errors.get(name),
                                        List.copyOf(severities)))
                .toList();
    }
}
