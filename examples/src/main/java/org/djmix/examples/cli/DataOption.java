package org.djmix.examples.cli;

import org.djmix.tasks.data.DataSpec;
import picocli.CommandLine.Option;

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
    static final class SpecText extends LibraryConverter<String> {
        SpecText() {
            super(
                    value -> {
                        DataSpec.parse(value);
                        return value;
                    });
        }
    }
}
