package org.djmix.examples.cli;

import java.util.List;
import org.djmix.corruptions.Corruption;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The value of {@code --severities}: a range or list of severities 1..5 ({@link
 * Corruption#parseSeverities}).
 *
 * @param severities the severities, in order
 */
record SeverityList(List<Integer> severities) {

    /** Converts option text, turning the library's refusal into picocli's. */
    static final class Converter implements ITypeConverter<SeverityList> {
        @Override
        public SeverityList convert(String value) {
            try {
                return new SeverityList(Corruption.parseSeverities(value));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
