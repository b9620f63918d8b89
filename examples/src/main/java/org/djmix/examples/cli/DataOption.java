package org.djmix.examples.cli;

import org.djmix.tasks.data.DataSpec;
import org.djmix.tasks.detection.DetectionData;
import org.djmix.tasks.segmentation.SegmentationData;
import picocli.CommandLine.Option;

/**
 * {@code --data}, a data spec (classification, segmentation or detection) checked while parsing.
 */
final class DataOption {

    @Option(
            names = "--data",
            required = true,
            converter = SpecText.class,
            description =
                    "the dataset: "
                            + DataSpec.FORMS
                            + "; for segmentation "
                            + SegmentationData.FORMS
                            + "; for detection "
                            + DetectionData.FORMS)
    private String data;

    /** The spec as given, for run files and messages. */
    String text() {
        return data;
    }

    /** The parsed spec. */
    DataSpec spec() {
        return DataSpec.parse(data);
    }

    /** Whether the data is a segmentation dataset. */
    boolean isSegmentation() {
        return SegmentationData.accepts(data);
    }

    /** Whether the data is a detection dataset. */
    boolean isDetection() {
        return DetectionData.accepts(data);
    }

    /** The parsed detection spec. */
    DetectionData detection() {
        return DetectionData.parse(data);
    }

    /** The task the data is for: classification, segmentation or detection. */
    String task() {
        return isSegmentation() ? "segmentation" : isDetection() ? "detection" : "classification";
    }

    /** The parsed segmentation spec. */
    SegmentationData segmentation() {
        return SegmentationData.parse(data);
    }

    /** Refuses text that is not a data spec, with the accepted forms. */
    static final class SpecText extends LibraryConverter<String> {
        SpecText() {
            super(
                    value -> {
                        if (SegmentationData.accepts(value)) {
                            SegmentationData.parse(value);
                        } else if (DetectionData.accepts(value)) {
                            DetectionData.parse(value);
                        } else {
                            DataSpec.parse(value);
                        }
                        return value;
                    });
        }
    }
}
