package org.djmix.tasks.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.djmix.corruptions.Corruption;

/**
 * A dataset named on the command line: {@code fashion-mnist:DIR} (IDX files, gz or not, loaded as
 * 32×32 RGB), {@code cifar10:DIR} and {@code cifar100:DIR} (official binary releases), {@code
 * imagefolder:DIR} or {@code imagefolder:DIR@SIZE} (DIR/&lt;class&gt;/&lt;image&gt;, scaled and
 * centre-cropped to SIZE×SIZE when given, held in memory), {@code imagenet:DIR} or {@code
 * imagenet:DIR@SIZE} (the same layouts, or {@code train.txt}/{@code val.txt} lists, streamed from
 * disk with torchvision's ImageNet recipe at SIZE, default 224: {@link #isStreamed()}), {@code
 * cifar-c:DIR@CORRUPTION:SEVERITY} (one block of a CIFAR-10-C style directory, a test set) and
 * {@code shapes} (our synthetic set, no files).
 *
 * @param kind the dataset kind, one of {@link #KINDS}
 * @param directory where its files are; null for {@code shapes}
 * @param size for {@code imagefolder}: the side to scale and crop to, 0 to keep the images' size;
 *     for {@code imagenet}: the side of the crops (224 by default)
 * @param corruption for {@code cifar-c}: the corruption's name, else null
 * @param severity for {@code cifar-c}: 1..5, else 0
 */
public record DataSpec(String kind, Path directory, int size, String corruption, int severity) {

    /** The kinds {@link #parse} accepts. */
    public static final List<String> KINDS =
            List.of(
                    "fashion-mnist",
                    "cifar10",
                    "cifar100",
                    "imagefolder",
                    "imagenet",
                    "cifar-c",
                    "shapes");

    /** The crop side of {@code imagenet} data when none is given: ResNet-50's 224. */
    public static final int IMAGENET_SIZE = 224;

    /** The accepted forms, for help texts and messages. */
    public static final String FORMS =
            "fashion-mnist:DIR, cifar10:DIR, cifar100:DIR, imagefolder:DIR[@SIZE],"
                    + " imagenet:DIR[@SIZE], cifar-c:DIR@CORRUPTION:SEVERITY or shapes";

    /**
     * A spec without a corrupted block.
     *
     * @param kind the dataset kind
     * @param directory where its files are; null for {@code shapes}
     * @param size for {@code imagefolder}: the side, or 0
     */
    public DataSpec(String kind, Path directory, int size) {
        this(kind, directory, size, null, 0);
    }

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
        if (spec.startsWith("cifar-c:")) {
            return parseCifarC(spec);
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
        int size = kind.equals("imagenet") ? IMAGENET_SIZE : 0;
        int at = location.lastIndexOf('@');
        if ((kind.equals("imagefolder") || kind.equals("imagenet")) && at > 0) {
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

    private static DataSpec parseCifarC(String spec) {
        String location = spec.substring("cifar-c:".length());
        int at = location.lastIndexOf('@');
        int colon = location.lastIndexOf(':');
        if (at <= 0 || colon < at) {
            throw new IllegalArgumentException(
                    "data spec '"
                            + spec
                            + "' must name one block: cifar-c:DIR@CORRUPTION:SEVERITY,"
                            + " e.g. cifar-c:CIFAR-10-C@fog:3");
        }
        String corruption = location.substring(at + 1, colon);
        Corruption.fromId(corruption);
        int severity;
        try {
            severity = Integer.parseInt(location.substring(colon + 1));
        } catch (NumberFormatException e) {
            severity = 0;
        }
        if (severity < 1 || severity > 5) {
            throw new IllegalArgumentException(
                    "severity in '"
                            + spec
                            + "' must be 1..5, got '"
                            + location.substring(colon + 1)
                            + "'");
        }
        return new DataSpec("cifar-c", Path.of(location.substring(0, at)), 0, corruption, severity);
    }

    /**
     * Says whether the images are streamed from disk ({@code imagenet}: {@link #stream}) rather
     * than held in memory ({@link #read}).
     *
     * @return true for {@code imagenet}
     */
    public boolean isStreamed() {
        return kind.equals("imagenet");
    }

    /**
     * Opens one split of streamed data: the names and labels, and the transform (training: random
     * resized crops and flips, seeded with {@code optSeed}; test: resize and centre crop).
     *
     * @param train the training split, else the test split
     * @return a builder; set its sampling (and prefetch) and build it
     * @throws IOException naming the folder or list file and what is wrong
     * @throws IllegalStateException if the spec is not streamed
     */
    public ImageFolderDataset.Builder stream(boolean train) throws IOException {
        if (!isStreamed()) {
            throw new IllegalStateException(this + " is read into memory (DataSpec.read)");
        }
        return ImageFolderDataset.builder()
                .setImages(ImageList.split(directory, train))
                .setAugmentation(
                        train
                                ? ImageNetAugmentation.training(size)
                                : ImageNetAugmentation.evaluation(size));
    }

    /**
     * Reads one split.
     *
     * @param train the training split, else the test split
     * @return a builder holding the images; set its sampling and build it
     * @throws IOException naming the file and the problem
     */
    public ImageDataset.Builder read(boolean train) throws IOException {
        return read(train, null);
    }

    /**
     * Reads the first images of one split: Fashion-MNIST and CIFAR files are read only as far as
     * needed, so a small run of a large set does not hold (or allocate) the whole split.
     *
     * @param train the training split, else the test split
     * @param limit the most images to keep, or null for all
     * @return a builder holding at most {@code limit} images; set its sampling and build it
     * @throws IOException naming the file and the problem
     * @throws IllegalArgumentException if the limit is below 1
     */
    public ImageDataset.Builder read(boolean train, Integer limit) throws IOException {
        if (limit != null && limit < 1) {
            throw new IllegalArgumentException("the image limit must be at least 1, got " + limit);
        }
        int most = limit == null ? Integer.MAX_VALUE : limit;
        if (kind.equals("shapes")) {
            ImageDataset.Builder shapes = Shapes.generate(train);
            return limit == null ? shapes : shapes.optLimit(limit);
        }
        if (isStreamed()) {
            throw new IllegalArgumentException(
                    "'" + this + "' is streamed from disk, not read into memory; use stream()");
        }
        if (kind.equals("cifar-c") && train) {
            throw new IllegalArgumentException(
                    "'" + this + "' is a corrupted test set; it has no training split");
        }
        if (!Files.isDirectory(directory)) {
            throw new IOException(kind + " directory " + directory + " does not exist");
        }
        ImageDataset.Builder builder =
                switch (kind) {
                    case "fashion-mnist" -> FashionMnist.read(directory, train, most);
                    case "cifar10" -> CifarBinary.CIFAR10.read(directory, train, most);
                    case "cifar100" -> CifarBinary.CIFAR100.read(directory, train, most);
                    case "cifar-c" ->
                            CifarC.read(directory, Corruption.fromId(corruption), severity);
                    default -> ImageFolder.read(directory, train, size);
                };
        return limit == null ? builder : builder.optLimit(limit);
    }

    @Override
    public String toString() {
        if (directory == null) {
            return kind;
        }
        if (corruption != null) {
            return kind + ":" + directory + "@" + corruption + ":" + severity;
        }
        boolean defaultSize = kind.equals("imagenet") && size == IMAGENET_SIZE;
        return kind + ":" + directory + (size > 0 && !defaultSize ? "@" + size : "");
    }
}
