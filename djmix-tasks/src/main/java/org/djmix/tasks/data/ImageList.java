package org.djmix.tasks.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.djmix.image.BufferedImages;

/**
 * The labelled image files of one split, as names only (no pixels): 1.28 M ImageNet paths take
 * about 100 MB. Two layouts are read. Folders, {@code DIR/<class>/<image>} with the classes in
 * alphabetical order (torchvision's and DJL's {@code ImageFolder}): if {@code DIR/train} exists it
 * is the training split and {@code DIR/val} or {@code DIR/test} the test split, otherwise every
 * tenth image (in sorted path order) is held out as the test split. List files, used when {@code
 * DIR/train.txt} exists: {@code DIR/train.txt} and {@code DIR/val.txt}, one {@code relative/path
 * label} per line (the Caffe / MXNet ImageNet lists), classes numbered from 0.
 *
 * @param root the folder the names are relative to
 * @param classes the class names (list files: the numbers)
 * @param names each image's path relative to {@code root}, with '/' separators
 * @param labels each image's class
 */
public record ImageList(Path root, List<String> classes, String[] names, int[] labels) {

    private static final int HOLDOUT_EVERY = 10;

    /**
     * Lists one split of a folder.
     *
     * @param directory the folder
     * @param train the training split, else the test split
     * @return the split's images
     * @throws IOException naming the folder or list file and what is wrong
     */
    public static ImageList split(Path directory, boolean train) throws IOException {
        if (!Files.isDirectory(directory)) {
            throw new IOException("image folder " + directory + " does not exist");
        }
        if (Files.isRegularFile(directory.resolve("train.txt"))) {
            return listFile(directory, directory.resolve(train ? "train.txt" : "val.txt"));
        }
        Path trainRoot = directory.resolve("train");
        ImageList list;
        if (Files.isDirectory(trainRoot)) {
            List<String> classes = classes(trainRoot);
            Path root = trainRoot;
            if (!train) {
                root = directory.resolve("val");
                if (!Files.isDirectory(root)) {
                    root = directory.resolve("test");
                }
                if (!Files.isDirectory(root)) {
                    throw new IOException(
                            "image folder " + directory + " has train/ but no val/ or test/");
                }
            }
            list = folders(root, classes, -1, train);
        } else {
            list = folders(directory, classes(directory), HOLDOUT_EVERY, train);
        }
        if (list.size() == 0) {
            throw new IOException(
                    "image folder "
                            + directory
                            + " has no "
                            + (train ? "training" : "test")
                            + " images (expected DIR/<class>/<image>."
                            + String.join("|", BufferedImages.EXTENSIONS)
                            + ")");
        }
        return list;
    }

    /**
     * Reads a list file: one {@code relative/path label} per line, blank lines skipped.
     *
     * @param root the folder the paths are relative to
     * @param listFile the list
     * @return its images; the classes are 0 .. the largest label
     * @throws IOException naming the file and line if a line is malformed or the file is missing
     */
    public static ImageList listFile(Path root, Path listFile) throws IOException {
        if (!Files.isRegularFile(listFile)) {
            throw new IOException("image list " + listFile + " does not exist");
        }
        List<String> names = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(listFile, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                String trimmed = line.strip();
                if (trimmed.isEmpty()) {
                    continue;
                }
                int space = trimmed.lastIndexOf(' ');
                int label = -1;
                if (space > 0) {
                    try {
                        label = Integer.parseInt(trimmed.substring(space + 1));
                    } catch (NumberFormatException e) {
                        label = -1;
                    }
                }
                if (label < 0) {
                    throw new IOException(
                            listFile
                                    + " line "
                                    + number
                                    + ": expected 'relative/path label' with a label >= 0, got '"
                                    + line
                                    + "'");
                }
                names.add(trimmed.substring(0, space).strip());
                labels.add(label);
            }
        }
        if (names.isEmpty()) {
            throw new IOException("image list " + listFile + " has no images");
        }
        int[] labelArray = labels.stream().mapToInt(Integer::intValue).toArray();
        int classCount = 1 + labels.stream().mapToInt(Integer::intValue).max().orElse(0);
        List<String> classes = new ArrayList<>();
        for (int c = 0; c < classCount; c++) {
            classes.add(Integer.toString(c));
        }
        return new ImageList(root, List.copyOf(classes), names.toArray(String[]::new), labelArray);
    }

    /**
     * Returns the number of images.
     *
     * @return the count
     */
    public int size() {
        return names.length;
    }

    /**
     * Returns one image's file.
     *
     * @param index the image
     * @return its path
     */
    public Path file(int index) {
        return root.resolve(names[index]);
    }

    private static List<String> classes(Path root) throws IOException {
        try (Stream<Path> entries = Files.list(root)) {
            List<String> classes =
                    entries.filter(Files::isDirectory)
                            .map(p -> p.getFileName().toString())
                            .sorted()
                            .toList();
            if (classes.isEmpty()) {
                throw new IOException(
                        "image folder " + root + " has no class folders (expected DIR/<class>/…)");
            }
            return classes;
        }
    }

    /** The images under {@code root}'s class folders; every n-th held out when n &gt; 0. */
    private static ImageList folders(Path root, List<String> classes, int holdout, boolean train)
            throws IOException {
        List<String> names = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        int seen = 0;
        try (Stream<Path> entries = Files.list(root)) {
            for (Path folder : entries.filter(Files::isDirectory).sorted().toList()) {
                String name = folder.getFileName().toString();
                int label = classes.indexOf(name);
                if (label < 0) {
                    throw new IOException(
                            "class folder " + folder + " is not among the training classes");
                }
                for (Path file : BufferedImages.imageFiles(folder)) {
                    boolean heldOut = holdout > 0 && seen++ % holdout == holdout - 1;
                    if (holdout <= 0 || heldOut != train) {
                        names.add(root.relativize(file).toString().replace('\\', '/'));
                        labels.add(label);
                    }
                }
            }
        }
        return new ImageList(
                root,
                classes,
                names.toArray(String[]::new),
                labels.stream().mapToInt(Integer::intValue).toArray());
    }
}
