package org.djmix.tasks.detection;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * A detection dataset named on the command line: {@code shapes-det} (our synthetic set, 1 000
 * training and 100 validation images of 128×128) or {@code voc-det:DIR[,DIR...][@TRAIN[/TEST]]}
 * (PASCAL VOC roots such as VOC2007 and VOC2012 for the usual VOC07+12: training on the TRAIN list
 * of every root, default {@code trainval}; evaluation on the TEST list of the first, default {@code
 * test}, VOC2007's test set).
 *
 * @param kind one of {@link #KINDS}
 * @param roots the VOC roots, empty for {@code shapes-det}
 * @param trainSplit the training list for {@code voc-det}, else null
 * @param testSplit the evaluation list for {@code voc-det}, else null
 */
public record DetectionData(String kind, List<Path> roots, String trainSplit, String testSplit) {

    /** The kinds {@link #parse} accepts. */
    public static final List<String> KINDS = List.of("shapes-det", "voc-det");

    /** The accepted forms, for help texts and messages. */
    public static final String FORMS = "shapes-det or voc-det:DIR[,DIR...][@TRAIN[/TEST]]";

    /** The side of {@code shapes-det} images. */
    public static final int SHAPES_SIDE = 128;

    private static final int SHAPES_TRAIN = 1000;
    private static final int SHAPES_VAL = 100;

    /**
     * Tells whether a spec names a detection dataset.
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
     * @param spec e.g. {@code voc-det:/data/VOC2007,/data/VOC2012}
     * @return the parsed spec
     * @throws IllegalArgumentException naming the spec and the accepted forms
     */
    public static DetectionData parse(String spec) {
        if (spec.equals("shapes-det")) {
            return new DetectionData("shapes-det", List.of(), null, null);
        }
        int colon = spec.indexOf(':');
        if (colon < 0
                || !spec.substring(0, colon).equals("voc-det")
                || colon == spec.length() - 1) {
            throw new IllegalArgumentException(
                    "detection data spec '" + spec + "' must be one of " + FORMS);
        }
        String location = spec.substring(colon + 1);
        String train = "trainval";
        String test = "test";
        int at = location.lastIndexOf('@');
        if (at > 0) {
            String[] splits = location.substring(at + 1).split("/", -1);
            if (splits.length > 2
                    || splits[0].isEmpty()
                    || (splits.length == 2 && splits[1].isEmpty())) {
                throw new IllegalArgumentException(
                        "detection data spec '" + spec + "': after @ expected TRAIN or TRAIN/TEST");
            }
            train = splits[0];
            test = splits.length == 2 ? splits[1] : test;
            location = location.substring(0, at);
        }
        List<Path> roots = Arrays.stream(location.split(",")).map(Path::of).toList();
        return new DetectionData("voc-det", roots, train, test);
    }

    /**
     * Opens the training images.
     *
     * @return the source
     * @throws IOException naming what is missing
     */
    public DetectionSource train() throws IOException {
        return kind.equals("shapes-det")
                ? new ShapesDetection(true, SHAPES_TRAIN, SHAPES_SIDE)
                : VocDetection.of(roots, trainSplit);
    }

    /**
     * Opens the evaluation images.
     *
     * @return the source
     * @throws IOException naming what is missing
     */
    public DetectionSource test() throws IOException {
        return kind.equals("shapes-det")
                ? new ShapesDetection(false, SHAPES_VAL, SHAPES_SIDE)
                : VocDetection.of(roots.subList(0, 1), testSplit);
    }

    /**
     * Returns the resize that suits the data when none is given: {@code shapes-det} keeps its
     * 128×128 images; VOC takes torchvision's 800 / 1 333.
     *
     * @return (min side, max side)
     */
    public int[] defaultSize() {
        return kind.equals("shapes-det")
                ? new int[] {SHAPES_SIDE, SHAPES_SIDE}
                : new int[] {800, 1333};
    }
}
