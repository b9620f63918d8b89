package org.djmix.tasks.eval;

import ai.djl.training.util.ProgressBar;
import java.io.IOException;
import java.util.BitSet;
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
        int n = clean.size();
        Map<String, BitSet> cleanMistakes = new LinkedHashMap<>();
        Map<String, Map<String, BitSet[]>> mistakes = new LinkedHashMap<>();
        for (Map.Entry<String, ImageClassifier> model : models.entrySet()) {
            cleanMistakes.put(model.getKey(), model.getValue().mistakes(clean));
            mistakes.put(model.getKey(), new LinkedHashMap<>());
            progress.update(++done);
        }
        for (Corruption corruption : corruptions) {
            for (int s = 0; s < severities.size(); s++) {
                LabelledImages images = source.images(corruption, severities.get(s));
                if (images.size() != n) {
                    throw new IllegalArgumentException(
                            corruption.id()
                                    + " at severity "
                                    + severities.get(s)
                                    + " has "
                                    + images.size()
                                    + " images, the clean test set "
                                    + n
                                    + "; corrupted sets must hold the same images");
                }
                for (Map.Entry<String, ImageClassifier> model : models.entrySet()) {
                    BitSet[] perSeverity =
                            mistakes.get(model.getKey())
                                    .computeIfAbsent(
                                            corruption.id(), id -> new BitSet[severities.size()]);
                    perSeverity[s] = model.getValue().mistakes(images);
                    progress.update(++done);
                }
            }
        }
        progress.end();
        return models.keySet().stream()
                .map(
                        name ->
                                report(
                                        name,
                                        new ImageMistakes(
                                                n, cleanMistakes.get(name), mistakes.get(name)),
                                        severities))
                .toList();
    }

    /** The figures of one model's mistakes. */
    private static RobustnessReport report(
            String name, ImageMistakes mistakes, List<Integer> severities) {
        double images = Math.max(1, mistakes.images());
        Map<String, double[]> errors = new LinkedHashMap<>();
        for (Map.Entry<String, BitSet[]> corruption : mistakes.corrupted().entrySet()) {
            double[] perSeverity = new double[severities.size()];
            for (int s = 0; s < perSeverity.length; s++) {
                perSeverity[s] = corruption.getValue()[s].cardinality() / images;
            }
            errors.put(corruption.getKey(), perSeverity);
        }
        return new RobustnessReport(
                name,
                mistakes.clean().cardinality() / images,
                errors,
                List.copyOf(severities),
                mistakes);
    }
}
