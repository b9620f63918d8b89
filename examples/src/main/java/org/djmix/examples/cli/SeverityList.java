package org.djmix.examples.cli;

import java.util.List;
import org.djmix.corruptions.Corruption;

/**
 * The value of {@code --severities}: a range or list of severities 1..5 ({@link
 * Corruption#parseSeverities}).
 *
 * @param severities the severities, in order
 */
record SeverityList(List<Integer> severities) {

    /** Parses the option with the library. */
    static final class Converter extends LibraryConverter<SeverityList> {
        Converter() {
            super(value -> new SeverityList(Corruption.parseSeverities(value)));
        }
    }
}
