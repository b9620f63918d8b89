package org.djmix.tasks.data;

import ai.djl.ndarray.types.Shape;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.djmix.image.BufferedImages;

/**
 * A labelled image folder, {@code DIR/<class>/<image>}, classes in alphabetical order (the layout
 * of torchvision's and DJL's {@code ImageFolder}). If {@code DIR/train} exists it is the training
 * split and {@code DIR/test} or {@code DIR/val} the test split; otherwise every tenth image (in
 * sorted path order) is held out as the test split. Images (PNG, JPEG, BMP, GIF) are read as 8-bit
 * RGB; they must all have one size, unless a size is given: then each is scaled (bilinear) so that
 * its shorter side has that size and centre-cropped to a square.
 */
public final class ImageFolder {

    private static final int HOLDOUT_EVERY = 10;

    private ImageFolder() {}

    /**
     * Reads one split.
     *
     * @param directory the folder
     * @param train the training split, else the test split
     * @param size the square side to scale and crop to, or 0 to keep the images' common size
     * @return a builder holding the images; set its sampling and build it
     * @throws IOException naming the folder or file and what is wrong
     */
    public static ImageDataset.Builder read(Path directory, boolean train, int size)
            throws IOException {
        if (!Files.isDirectory(directory)) {
            throw new IOException("image folder " + directory + " does not exist");
        }
        Path trainRoot = directory.resolve("train");
        List<String> classes;
        List<Labelled> files;
        if (Files.isDirectory(trainRoot)) {
            classes = classes(trainRoot);
            Path root = trainRoot;
            if (!train) {
                root = directory.resolve("test");
                if (!Files.isDirectory(root)) {
                    root = directory.resolve("val");
                }
                if (!Files.isDirectory(root)) {
                    throw new IOException(
                            "image folder " + directory + " has train/ but no test/ or val/");
                }
            }
            files = list(root, classes);
        } else {
            classes = classes(directory);
            List<Labelled> all = list(directory, classes);
            files = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                boolean heldOut = i % HOLDOUT_EVERY == HOLDOUT_EVERY - 1;
                if (heldOut != train) {
                    files.add(all.get(i));
                }
            }
        }
        if (files.isEmpty()) {
            throw new IOException(
                    "image folder "
                            + directory
                            + " has no "
                            + (train ? "training" : "test")
                            + " images (expected DIR/<class>/<image>."
                            + String.join("|", BufferedImages.EXTENSIONS)
                            + ")");
        }
        return decode(files, classes.size(), size);
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

    private static List<Labelled> list(Path root, List<String> classes) throws IOException {
        List<Labelled> files = new ArrayList<>();
        try (Stream<Path> entries = Files.list(root)) {
            for (Path folder : entries.filter(Files::isDirectory).sorted().toList()) {
                String name = folder.getFileName().toString();
                int label = classes.indexOf(name);
                if (label < 0) {
                    throw new IOException(
                            "class folder " + folder + " is not among the training classes");
                }
                try (Stream<Path> walk = Files.walk(folder)) {
                    walk.filter(Files::isRegularFile)
                            .filter(BufferedImages::isImageFile)
                            .sorted()
                            .forEach(p -> files.add(new Labelled(p, label)));
                }
            }
        }
        return files;
    }

    private static ImageDataset.Builder decode(List<Labelled> files, int numClasses, int size)
            throws IOException {
        BufferedImage first = load(files.get(0).file(), size);
        int width = first.getWidth();
        int height = first.getHeight();
        int plane = width * height;
        byte[] pixels = new byte[files.size() * 3 * plane];
        int[] labels = new int[files.size()];
        try {
            IntStream.range(0, files.size())
                    .parallel()
                    .forEach(
                            i -> {
                                Labelled entry = files.get(i);
                                try {
                                    BufferedImage image = i == 0 ? first : load(entry.file(), size);
                                    if (image.getWidth() != width || image.getHeight() != height) {
                                        throw new IOException(
                                                entry.file()
                                                        + " is "
                                                        + image.getWidth()
                                                        + "x"
                                                        + image.getHeight()
                                                        + ", the other images "
                                                        + width
                                                        + "x"
                                                        + height
                                                        + "; give a size (imagefolder:DIR@SIZE)"
                                                        + " to scale them");
                                    }
                                    System.arraycopy(
                                            BufferedImages.toByteImage(image, 3).array(),
                                            0,
                                            pixels,
                                            i * 3 * plane,
                                            3 * plane);
                                    labels[i] = entry.label();
                                } catch (IOException e) {
                                    throw new UncheckedIOException(e);
                                }
                            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return ImageDataset.builder()
                .setImages(pixels, labels, new Shape(3, height, width), numClasses);
    }

    private static BufferedImage load(Path file, int size) throws IOException {
        BufferedImage image = BufferedImages.toBufferedImage(BufferedImages.read(file));
        return size > 0 ? scaleAndCrop(image, size) : image;
    }

    /** Scales the shorter side to {@code size} (bilinear) and crops the centre square. */
    private static BufferedImage scaleAndCrop(BufferedImage image, int size) {
        double scale = (double) size / Math.min(image.getWidth(), image.getHeight());
        int width = Math.max(size, (int) Math.round(image.getWidth() * scale));
        int height = Math.max(size, (int) Math.round(image.getHeight() * scale));
        BufferedImage out = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(
                RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, -(width - size) / 2, -(height - size) / 2, width, height, null);
        g.dispose();
        return out;
    }

    private record Labelled(Path file, int label) {}
}
