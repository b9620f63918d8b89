package org.djmix.tasks.eval;

import ai.djl.training.util.ProgressBar;
import java.io.IOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.djmix.corruptions.Corruption;
import org.djmix.corruptions.LabelledImages;

/**
 * Measures models on the clean test images and on every corruption and severity. Each corrupted
 * block is read (or corrupted on the fly) once and given to every model, so comparing models costs
 * no extra corruption work. Classifiers are measured here; any other task plugs its own measure
 * into {@link #measure}.
 */
public final class RobustnessEvaluation {

    private RobustnessEvaluation() {}

    /**
     * How one model does on one block of images.
     *
     * @param <M> the model
     * @param <R> the outcome, e.g. which images it got wrong
     */
    @FunctionalInterface
    public interface Measure<M, R> {

        /**
         * Measures a model on a block.
         *
         * @param model the model
         * @param images the block (the clean set, or one corruption at one severity)
         * @return the outcome
         * @throws IOException if an image cannot be read
         */
        R apply(M model, LabelledImages images) throws IOException;
    }

    /**
     * One model's outcomes.
     *
     * @param <R> the outcome
     * @param clean on the clean images
     * @param corrupted per corruption id, one outcome per severity (in order)
     */
    public record Outcomes<R>(R clean, Map<String, List<R>> corrupted) {}

    /**
     * Evaluates several classifiers on the same test images.
     *
     * @param models the models by their names in the report, in report order
     * @param clean the clean test images
     * @param source the corrupted test images
     * @param corruptions the corruptions to evaluate
     * @param severities the severities to evaluate
     * @return one error report per model, in the order of {@code models}
     * @throws IOException if corrupted images cannot be read
     */
    public static List<RobustnessReport> evaluate(
            Map<String, ImageClassifier> models,
            LabelledImages clean,
            CorruptionSource source,
            List<Corruption> corruptions,
            List<Integer> severities)
            throws IOException {
        Map<String, Outcomes<BitSet>> outcomes =
                measure(
                        models,
                        clean,
                        source,
                        corruptions,
                        severities,
                        (model, images) -> model.mistakes(images));
        int n = clean.size();
        return outcomes.entrySet().stream()
                .map(
                        e -> {
                            Map<String, BitSet[]> wrong = new LinkedHashMap<>();
                            e.getValue()
                                    .corrupted()
                                    .forEach((c, s) -> wrong.put(c, s.toArray(new BitSet[0])));
                            return report(
                                    e.getKey(),
                                    new ImageMistakes(n, e.getValue().clean(), wrong),
                                    severities);
                        })
                .toList();
    }

    /**
     * Turns each model's outcomes into a report of one figure per block (mIoU, mAP).
     *
     * @param <R> the outcome
     * @param outcomes each model's outcomes, in report order
     * @param metric what the figure measures
     * @param figure the figure of one outcome
     * @param severities the severities measured
     * @return one report per model, in order
     */
    public static <R> List<RobustnessReport> reports(
            Map<String, Outcomes<R>> outcomes,
            Metric metric,
            java.util.function.ToDoubleFunction<R> figure,
            List<Integer> severities) {
        return outcomes.entrySet().stream()
                .map(
                        e -> {
                            Map<String, double[]> values = new LinkedHashMap<>();
                            e.getValue()
                                    .corrupted()
                                    .forEach(
                                            (c, blocks) ->
                                                    values.put(
                                                            c,
                                                            blocks.stream()
                                                                    .mapToDouble(figure)
                                                                    .toArray()));
                            return new RobustnessReport(
                                    e.getKey(),
                                    metric,
                                    figure.applyAsDouble(e.getValue().clean()),
                                    values,
                                    List.copyOf(severities));
                        })
                .toList();
    }

    /**
     * Measures several models on the clean images and on every block, with a progress bar.
     *
     * @param <M> the model
     * @param <R> the outcome
     * @param models the models by name, in report order
     * @param clean the clean test images
     * @param source the corrupted test images
     * @param corruptions the corruptions to evaluate
     * @param severities the severities to evaluate
     * @param measure how a model does on a block
     * @return each model's outcomes, in the order of {@code models}
     * @throws IOException if images cannot be read
     * @throws IllegalArgumentException if a corrupted block holds another number of images
     */
    public static <M, R> Map<String, Outcomes<R>> measure(
            Map<String, M> models,
            LabelledImages clean,
            CorruptionSource source,
            List<Corruption> corruptions,
            List<Integer> severities,
            Measure<M, R> measure)
            throws IOException {
        long blocks = (long) corruptions.size() * severities.size() + 1;
        ProgressBar progress =
                new ProgressBar(
                        "Evaluating " + String.join(", ", models.keySet()), blocks * models.size());
        long done = 0;
        int n = clean.size();
        Map<String, R> cleanOutcomes = new LinkedHashMap<>();
        Map<String, Map<String, List<R>>> corrupted = new LinkedHashMap<>();
        for (Map.Entry<String, M> model : models.entrySet()) {
            cleanOutcomes.put(model.getKey(), measure.apply(model.getValue(), clean));
            corrupted.put(model.getKey(), new LinkedHashMap<>());
            progress.update(++done);
        }
        for (Corruption corruption : corruptions) {
            for (int severity : severities) {
                LabelledImages images = source.images(corruption, severity);
                if (images.size() != n) {
                    throw new IllegalArgumentException(
                            corruption.id()
                                    + " at severity "
                                    + severity
                                    + " has "
                                    + images.size()
                                    + " images, the clean test set "
                                    + n
                                    + "; corrupted sets must hold the same images");
                }
                for (Map.Entry<String, M> model : models.entrySet()) {
                    corrupted
                            .get(model.getKey())
                            .computeIfAbsent(corruption.id(), id -> new ArrayList<>())
                            .add(measure.apply(model.getValue(), images));
                    progress.update(++done);
                }
            }
        }
        progress.end();
        Map<String, Outcomes<R>> outcomes = new LinkedHashMap<>();
        for (String name : models.keySet()) {
            outcomes.put(name, new Outcomes<>(cleanOutcomes.get(name), corrupted.get(name)));
        }
        return outcomes;
    }

    /**
     * Turns one classifier's mistakes into its error report (the error of a block is its wrong
     * images over all images).
     *
     * @param name the model's name in the report
     * @param mistakes which images it got wrong, clean and per corruption and severity
     * @param severities the severities measured, in order
     * @return the report, with the mistakes kept for paired statistics
     */
    public static RobustnessReport report(
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
                Metric.ERROR,
                mistakes.clean().cardinality() / images,
                errors,
                List.copyOf(severities),
                mistakes);
    }
}
