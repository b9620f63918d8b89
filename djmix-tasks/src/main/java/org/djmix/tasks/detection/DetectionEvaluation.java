package org.djmix.tasks.detection;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.djmix.corruptions.Corruption;
import org.djmix.tasks.eval.CorruptionSource;
import org.djmix.tasks.eval.Metric;
import org.djmix.tasks.eval.RobustnessEvaluation;
import org.djmix.tasks.eval.RobustnessReport;

/**
 * Detection-C (Michaelis et al. 2019, the paper's protocol): the VOC mAP@0.5 of detectors on the
 * clean test images and on every corruption and severity of them (the 10 corruptions without blur,
 * {@link Corruption#SEGMENTATION_DETECTION}, severities 1–5), with mPC the mean over corruptions
 * and severities and rPC = mPC / clean mAP. The boxes stay those of the clean images: corruptions
 * change pixels, not geometry.
 */
public final class DetectionEvaluation {

    private DetectionEvaluation() {}

    /**
     * Evaluates several detectors on the same test images.
     *
     * @param models the detectors by their names in the report, in report order
     * @param test the clean images and their boxes
     * @param source the corrupted images (made from {@link DetectionSource#asLabelledImages()})
     * @param corruptions the corruptions to evaluate
     * @param severities the severities to evaluate
     * @return one mAP report per model, in the order of {@code models}
     * @throws IOException if images or annotations cannot be read
     */
    public static List<RobustnessReport> evaluate(
            Map<String, Detector> models,
            DetectionSource test,
            CorruptionSource source,
            List<Corruption> corruptions,
            List<Integer> severities)
            throws IOException {
        Map<String, RobustnessEvaluation.Outcomes<VocAveragePrecision>> outcomes =
                RobustnessEvaluation.measure(
                        models,
                        test.asLabelledImages(),
                        source,
                        corruptions,
                        severities,
                        (model, images) -> model.averagePrecision(images, test));
        return RobustnessEvaluation.reports(
                outcomes, Metric.MEAN_AP, DetectionEvaluation::mean, severities);
    }

    private static double mean(VocAveragePrecision ap) {
        double value = ap.meanAveragePrecision(false);
        return Double.isNaN(value) ? 0 : value;
    }
}
