package org.djmix.examples.cli;

import java.util.List;
import org.djmix.corruptions.Corruption;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The value of {@code --corruptions}: a subset name or comma-separated corruption names ({@link
 * Corruption#parseList}).
 *
 * @param corruptions the corruptions, in order
 */
record CorruptionList(List<Corruption> corruptions) {

    /** Converts option text, turning the library's refusal into picocli's. */
    static final class Converter implements ITypeConverter<CorruptionList> {
        @Override
        public CorruptionList convert(String value) {
            try {
                return new CorruptionList(Corruption.parseList(value));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
