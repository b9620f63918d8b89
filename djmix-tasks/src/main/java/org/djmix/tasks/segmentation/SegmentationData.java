package org.djmix.tasks.segmentation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A segmentation dataset named on the command line: {@code shapes-seg} (our synthetic set, 2 000
 * training and 200 validation images of 64×64), {@code voc:DIR} or {@code voc:DIR@SPLIT} (PASCAL
 * VOC 2012: training on SPLIT, default {@code train}; validation on {@code val}) and {@code
 * voc-aug:DIR} (training on the SBD-augmented {@code train_aug}, validation on VOC's {@code val}).
 *
 * @param kind one of {@link #KINDS}
 * @param directory the VOC folder, null for {@code shapes-seg}
 * @param split the training split for {@code voc}, else null
 */
public record SegmentationData(String kind, Path directory, String split) {

    /** The kinds {@link #parse} accepts. */
    public static final List<String> KINDS = List.of("shapes-seg", "voc", "voc-aug");

    /** The accepted forms, for help texts and messages. */
    public static final String FORMS = "shapes-seg, voc:DIR[@SPLIT] or voc-aug:DIR";

    private static final int SHAPES_TRAIN = 2000;
    private static final int SHAPES_VAL = 200;
    private static final int SHAPES_SIDE = 64;

    /**
     * Tells whether a spec names a segmentation dataset.
     *
     * @param spec a data spec
     * @return true for the kinds of {@link #KINDS}
     */
    public static boolean accepts(String spec) {
        int colon = spec.indexOf(':');
        return KINDS.contains(colon < 0 ? spec : spec.substring(0, colon));
    }

    /**
     * Parses a spec.
     *
     * @param spec e.g. {@code voc:/data/VOCdevkit@trainval}
     * @return the parsed spec
     * @throws IllegalArgumentException naming the spec and the accepted forms
     */
    public static SegmentationData parse(String spec) {
        if (spec.equals("shapes-seg")) {
            return new SegmentationData("shapes-seg", null, null);
        }
        int colon = spec.indexOf(':');
        String kind = colon < 0 ? spec : spec.substring(0, colon);
        if (colon < 0 || colon == spec.length() - 1 || !KINDS.contains(kind)) {
            throw new IllegalArgumentException(
                    "segmentation data spec '" + spec + "' must be one of " + FORMS);
        }
        String location = spec.substring(colon + 1);
        int at = location.lastIndexOf('@');
        if (kind.equals("voc") && at > 0) {
            return new SegmentationData(
                    kind, Path.of(location.substring(0, at)), location.substring(at + 1));
        }
        return new SegmentationData(kind, Path.of(location), kind.equals("voc") ? "train" : null);
    }

    /**
     * Opens the training images.
     *
     * @return the source
     * @throws IOException naming what is missing
     */
    public SegmentationSource train() throws IOException {
        return switch (kind) {
            case "shapes-seg" -> new ShapesSegmentation(true, SHAPES_TRAIN, SHAPES_SIDE);
            case "voc" -> VocSegmentation.voc(directory, split);
            default -> VocSegmentation.aug(directory);
        };
    }

    /**
     * Opens the validation images.
     *
     * @return the source
     * @throws IOException naming what is missing
     */
    public SegmentationSource validation() throws IOException {
        return kind.equals("shapes-seg")
                ? new ShapesSegmentation(false, SHAPES_VAL, SHAPES_SIDE)
                : VocSegmentation.voc(directory, "val");
    }
}
