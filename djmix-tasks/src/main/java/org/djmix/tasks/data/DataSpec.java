package org.djmix.tasks.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A dataset named on the command line: {@code fashion-mnist:DIR} (IDX files, gz or not, loaded as
 * 32×32 RGB), {@code cifar10:DIR} and {@code cifar100:DIR} (official binary releases), {@code
 * imagefolder:DIR} or {@code imagefolder:DIR@SIZE} (DIR/&lt;class&gt;/&lt;image&gt;, scaled and
 * centre-cropped to SIZE×SIZE when given), and {@code shapes} (our synthetic set, no files).
 *
 * @param kind the dataset kind, one of {@link #KINDS}
 * @param directory where its files are; null for {@code shapes}
 * @param size for {@code imagefolder}: the side to scale and crop to, 0 to keep the images' size
 */
public record DataSpec(String kind, Path directory, int size) {

    /** The kinds {@link #parse} accepts. */
    public static final List<String> KINDS =
            List.of("fashion-mnist", "cifar10", "cifar100", "imagefolder", "shapes");

    /** The accepted forms, for help texts and messages. */
    public static final String FORMS =
            "fashion-mnist:DIR, cifar10:DIR, cifar100:DIR, imagefolder:DIR[@SIZE] or shapes";

    /**
     * Parses a spec.
     *
     * @param spec e.g. {@code fashion-mnist:/usr/share/datasets/fashion-mnist} or {@code shapes}
     * @return the parsed spec
     * @throws IllegalArgumentException naming the spec and the accepted forms
     */
    public static DataSpec parse(String spec) {
        if (spec.equals("shapes")) {
            return new DataSpec("shapes", null, 0);
        }
        int colon = spec.indexOf(':');
        if (colon <= 0 || colon == spec.length() - 1) {
            throw new IllegalArgumentException("data spec '" + spec + "' must be one of " + FORMS);
        }
        String kind = spec.substring(0, colon);
        String location = spec.substring(colon + 1);
        if (!KINDS.contains(kind) || kind.equals("shapes")) {
            throw new IllegalArgumentException(
                    "unknown data kind '" + kind + "' in '" + spec + "'; expected one of " + FORMS);
        }
        int size = 0;
        int at = location.lastIndexOf('@');
        if (kind.equals("imagefolder") && at > 0) {
            try {
                size = Integer.parseInt(location.substring(at + 1));
            } catch (NumberFormatException e) {
                size = -1;
            }
            if (size <= 0 || size % 4 != 0) {
                throw new IllegalArgumentException(
                        "size in '"
                                + spec
                                + "' must be a positive multiple of 4, got '"
                                + location.substring(at + 1)
                                + "'");
            }
            location = location.substring(0, at);
        }
        return new DataSpec(kind, Path.of(location), size);
    }

    /**
     * Reads one split.
     *
     * @param train the training split, else the test split
     * @return a builder holding the images; set its sampling and build it
     * @throws IOException naming the file and the problem
     */
    public ImageDataset.Builder read(boolean train) throws IOException {
        if (kind.equals("shapes")) {
            return Shapes.generate(train);
        }
        if (!Files.isDirectory(directory)) {
            throw new IOException(kind + " directory " + directory + " does not exist");
        }
        return switch (kind) {
            case "fashion-mnist" -> FashionMnist.read(directory, train);
            case "cifar10" -> CifarBinary.CIFAR10.read(directory, train);
            case "cifar100" -> CifarBinary.CIFAR100.read(directory, train);
            default -> ImageFolder.read(directory, train, size);
        };
    }

    @Override
    public String toString() {
        if (directory == null) {
            return kind;
        }
        return kind + ":" + directory + (size > 0 ? "@" + size : "");
    }
}
