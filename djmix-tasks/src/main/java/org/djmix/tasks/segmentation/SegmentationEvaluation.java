package org.djmix.tasks.segmentation;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.djmix.corruptions.Corruption;
import org.djmix.tasks.eval.CorruptionSource;
import org.djmix.tasks.eval.Metric;
import org.djmix.tasks.eval.RobustnessEvaluation;
import org.djmix.tasks.eval.RobustnessReport;

/**
 * Segmentation-C: the mIoU of segmentation models on the clean validation images and on every
 * corruption and severity of them (the paper uses the 10 corruptions without blur, {@link
 * Corruption#SEGMENTATION_DETECTION}, at severities 1–5). The masks stay those of the clean images:
 * corruptions change pixels, not geometry.
 */
public final class SegmentationEvaluation {

    private SegmentationEvaluation() {}

    /**
     * Evaluates several models on the same validation images.
     *
     * @param models the models by their names in the report, in report order
     * @param validation the clean images and their masks
     * @param source the corrupted images (made from {@link SegmentationSource#asLabelledImages()})
     * @param corruptions the corruptions to evaluate
     * @param severities the severities to evaluate
     * @return one mIoU report per model, in the order of {@code models}
     * @throws IOException if images or masks cannot be read
     */
    public static List<RobustnessReport> evaluate(
            Map<String, Segmenter> models,
            SegmentationSource validation,
            CorruptionSource source,
            List<Corruption> corruptions,
            List<Integer> severities)
            throws IOException {
        Map<String, RobustnessEvaluation.Outcomes<ConfusionMatrix>> outcomes =
                RobustnessEvaluation.measure(
                        models,
                        validation.asLabelledImages(),
                        source,
                        corruptions,
                        severities,
                        (model, images) -> model.confusion(images, validation));
        return RobustnessEvaluation.reports(
                outcomes, Metric.MEAN_IOU, ConfusionMatrix::meanIou, severities);
    }
}
