package org.djmix.tasks.data;

import ai.djl.ndarray.types.Shape;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.stream.IntStream;
import org.djmix.image.BufferedImages;

/**
 * A labelled image folder read into memory (small sets; {@link ImageFolderDataset} streams large
 * ones): the layouts of {@link ImageList}. Images (PNG, JPEG, BMP, GIF) are read as 8-bit RGB; they
 * must all have one size, unless a size is given: then each is scaled (bilinear) so that its
 * shorter side has that size and centre-cropped to a square.
 */
public final class ImageFolder {

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
        ImageList list = ImageList.split(directory, train);
        return decode(list, size);
    }

    private static ImageDataset.Builder decode(ImageList files, int size) throws IOException {
        BufferedImage first = load(files.file(0), size);
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
                                Path file = files.file(i);
                                try {
                                    BufferedImage image = i == 0 ? first : load(file, size);
                                    if (image.getWidth() != width || image.getHeight() != height) {
                                        throw new IOException(
                                                file
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
                                    labels[i] = files.labels()[i];
                                } catch (IOException e) {
                                    throw new UncheckedIOException(e);
                                }
                            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return ImageDataset.builder()
                .setImages(pixels, labels, new Shape(3, height, width), files.classes().size());
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
}
