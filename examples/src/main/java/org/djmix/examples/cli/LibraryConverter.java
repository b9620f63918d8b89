package org.djmix.examples.cli;

import java.util.function.Function;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Converts option text with a library parser, turning its refusal (an {@link
 * IllegalArgumentException} that names the accepted values) into picocli's, so the command exits 2
 * with that message.
 *
 * @param <T> the option's type
 */
abstract class LibraryConverter<T> implements ITypeConverter<T> {

    private final Function<String, T> parser;

    LibraryConverter(Function<String, T> parser) {
        this.parser = parser;
    }

    @Override
    public T convert(String value) {
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
