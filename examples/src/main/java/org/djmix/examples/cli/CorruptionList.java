package org.djmix.examples.cli;

import java.util.List;
import org.djmix.corruptions.Corruption;

/**
 * The value of {@code --corruptions}: a subset name or comma-separated corruption names ({@link
 * Corruption#parseList}).
 *
 * @param corruptions the corruptions, in order
 */
record CorruptionList(List<Corruption> corruptions) {

    /** Parses the option with the library. */
    static final class Converter extends LibraryConverter<CorruptionList> {
        Converter() {
            super(value -> new CorruptionList(Corruption.parseList(value)));
        }
    }
}
