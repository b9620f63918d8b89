package org.djmix.tasks.eval;

import ai.djl.training.util.ProgressBar;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.djmix.corruptions.Corruption;
import org.djmix.corruptions.LabelledImages;

/** Measures a classifier's clean error and its error on every corruption and severity. */
public final class RobustnessEvaluation {

    private RobustnessEvaluation() {}

    /**
     * Evaluates one model.
     *
     * @param name the model's name in the report
     * @param classifier the model
     * @param clean the clean test images
     * @param source the corrupted test images
     * @param corruptions the corruptions to evaluate
     * @param severities the severities to evaluate
     * @return the report
     * @throws IOException if corrupted images cannot be read
     */
    public static RobustnessReport evaluate(
            String name,
            ImageClassifier classifier,
            LabelledImages clean,
            CorruptionSource source,
            List<Corruption> corruptions,
            List<Integer> severities)
            throws IOException {
        ProgressBar progress =
                new ProgressBar(
                        "Evaluating " + name, (long) corruptions.size() * severities.size() + 1);
        double cleanError = classifier.errorRate(clean);
        long done = 1;
        progress.update(done);
        Map<String, double[]> errors = new LinkedHashMap<>();
        for (Corruption corruption : corruptions) {
            double[] perSeverity = new double[severities.size()];
            for (int s = 0; s < severities.size(); s++) {
                perSeverity[s] = classifier.errorRate(source.images(corruption, severities.get(s)));
                progress.update(++done);
            }
            errors.put(corruption.id(), perSeverity);
        }
        progress.end();
        return new RobustnessReport(name, cleanError, errors, List.copyOf(severities));
    }
}
