package org.djmix.examples.cli;

import java.util.List;
import org.djmix.corruptions.Corruption;
import picocli.CommandLine.Option;

/** {@code --corruptions} and {@code --severities}, shared by corrupt and evaluate. */
final class CorruptionOptions {

    @Option(
            names = "--corruptions",
            converter = CorruptionList.Converter.class,
            description =
                    "common (15), validation (4), segdet (10), all (19) or names, comma-separated"
                            + " (default: common; segdet for segmentation data)")
    private CorruptionList corruptions;

    @Option(
            names = "--severities",
            defaultValue = "1-5",
            converter = SeverityList.Converter.class,
            description = "1 to 5, a range or list, e.g. 1-5 or 1,3,5 (default ${DEFAULT-VALUE})")
    private SeverityList severities;

    /** The chosen corruptions, or the task's default when none were named. */
    List<Corruption> corruptions(List<Corruption> fallback) {
        return corruptions == null ? fallback : corruptions.corruptions();
    }

    List<Integer> severities() {
        return severities.severities();
    }
}
