package org.djmix.tasks.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A dataset named on the command line as {@code kind:DIR}, e.g. {@code
 * fashion-mnist:/usr/share/datasets/fashion-mnist}. Kinds supported so far: {@code fashion-mnist}.
 *
 * @param kind the dataset kind
 * @param directory where its files are
 */
public record DataSpec(String kind, Path directory) {

    /**
     * Parses a spec.
     *
     * @param spec {@code kind:DIR}
     * @return the parsed spec
     */
    public static DataSpec parse(String spec) {
        int colon = spec.indexOf(':');
        if (colon <= 0 || colon == spec.length() - 1) {
            throw new IllegalArgumentException(
                    "data spec '" + spec + "' must be KIND:DIR, e.g. fashion-mnist:/path/to/idx");
        }
        String kind = spec.substring(0, colon);
        if (!kind.equals("fashion-mnist")) {
            throw new IllegalArgumentException(
                    "unknown data kind '" + kind + "' in '" + spec + "'; supported: fashion-mnist");
        }
        return new DataSpec(kind, Path.of(spec.substring(colon + 1)));
    }

    /**
     * Reads one split.
     *
     * @param train the training split, else the test split
     * @return a builder holding the images; set its sampling and build it
     * @throws IOException naming the file and the problem
     */
    public ImageDataset.Builder read(boolean train) throws IOException {
        if (!Files.isDirectory(directory)) {
            throw new IOException(kind + " directory " + directory + " does not exist");
        }
        return FashionMnist.read(directory, train);
    }
}
