package org.djmix.examples.cli;

import org.djmix.tasks.data.DataSpec;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** {@code --data}, a data spec checked while the command line is parsed. */
final class DataOption {

    @Option(
            names = "--data",
            required = true,
            converter = SpecText.class,
            description = "the dataset: " + DataSpec.FORMS)
    private String data;

    /** The spec as given, for run files and messages. */
    String text() {
        return data;
    }

    /** The parsed spec. */
    DataSpec spec() {
        return DataSpec.parse(data);
    }

    /** Refuses text that is not a data spec, with the accepted forms. */
    static final class SpecText implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            try {
                DataSpec.parse(value);
                return value;
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
