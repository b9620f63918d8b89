package org.djmix.examples.cli;

import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.djmix.core.method.Methods;
import org.djmix.tasks.classification.ClassificationModels;
import org.djmix.tasks.detection.DetectionTask;
import org.djmix.tasks.segmentation.SegmentationTask;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * An option whose value is one of the library's names: picocli lists them in {@code --help} (as
 * completion candidates) and refuses any other with the list.
 */
abstract class NameChoice implements Iterable<String>, ITypeConverter<String> {

    private final String what;
    private final List<String> names;

    NameChoice(String what, List<String> names) {
        this.what = what;
        this.names = names;
    }

    @Override
    public Iterator<String> iterator() {
        return names.iterator();
    }

    @Override
    public String convert(String value) {
        if (!names.contains(value)) {
            throw new TypeConversionException(
                    "unknown %s '%s'; expected one of %s"
                            .formatted(what, value, String.join(", ", names)));
        }
        return value;
    }

    /** The training methods of {@link Methods#NAMES}. */
    static final class MethodNames extends NameChoice {
        MethodNames() {
            super("method", Methods.NAMES);
        }
    }

    /** The models of every task. */
    static final class ModelNames extends NameChoice {
        ModelNames() {
            super(
                    "model",
                    Stream.of(
                                    ClassificationModels.NAMES,
                                    SegmentationTask.MODELS,
                                    DetectionTask.MODELS)
                            .flatMap(List::stream)
                            .toList());
        }
    }
}
