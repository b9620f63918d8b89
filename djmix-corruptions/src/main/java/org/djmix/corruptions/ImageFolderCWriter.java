package org.djmix.corruptions;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.djmix.image.BufferedImages;
import org.djmix.image.ByteImage;
import org.djmix.io.AtomicFiles;

/**
 * Writes the ImageNet-C layout: {@code DIR/<corruption>/<severity>/<relative path>}, each image as
 * JPEG at libjpeg quality 85 (as ImageNet-C was published) or as PNG, written atomically. A block
 * whose files all exist is skipped by the job.
 */
public final class ImageFolderCWriter implements CorruptionJob.Output {

    /** ImageNet-C's JPEG quality. */
    public static final int JPEG_QUALITY = 85;

    /** The image file format. */
    public enum Format {
        /** JPEG, quality 85 (libjpeg's tables). */
        JPEG,
        /** Lossless PNG. */
        PNG
    }

    private final Path directory;
    private final LabelledImages images;
    private final Format format;

    /**
     * Creates a writer.
     *
     * @param directory the output directory
     * @param images the job's images (for their relative paths)
     * @param format the file format
     */
    public ImageFolderCWriter(Path directory, LabelledImages images, Format format) {
        this.directory = directory;
        this.images = images;
        this.format = format;
    }

    /**
     * Returns where an image goes: its relative path, with the extension of the format (a JPEG
     * keeps a {@code .jpg}/{@code .jpeg}/{@code .JPEG} name as it is).
     *
     * @param corruption the corruption
     * @param severity the severity
     * @param index the image
     * @return the file
     */
    public Path fileOf(Corruption corruption, int severity, int index) {
        return directory.resolve(
                fileName(corruption, severity, images.relativePath(index), format));
    }

    /**
     * Returns where an image goes, relative to the layout's root: {@code
     * <corruption>/<severity>/<relative path>} with the extension of the format (a JPEG keeps a
     * {@code .jpg}/{@code .jpeg}/{@code .JPEG} name as it is).
     *
     * @param corruption the corruption
     * @param severity the severity
     * @param relative the clean image's path relative to its folder, with {@code /}
     * @param format the file format
     * @return the relative file name, with {@code /}
     */
    public static String fileName(
            Corruption corruption, int severity, String relative, Format format) {
        int dot = relative.lastIndexOf('.');
        String stem =
                dot > relative.lastIndexOf('/') && dot >= 0 ? relative.substring(0, dot) : relative;
        String extension = dot >= 0 ? relative.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
        String name;
        if (format == Format.PNG) {
            name = stem + ".png";
        } else {
            name = extension.equals("jpg") || extension.equals("jpeg") ? relative : stem + ".jpg";
        }
        return corruption.id() + "/" + severity + "/" + name;
    }

    /**
     * Encodes an image as the layout stores it.
     *
     * @param image the corrupted image
     * @param format the file format
     * @return the file's bytes
     * @throws IOException if the encoder fails
     */
    public static byte[] encode(ByteImage image, Format format) throws IOException {
        if (format == Format.JPEG) {
            return LibjpegCodec.encode(image, JPEG_QUALITY);
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        if (!ImageIO.write(BufferedImages.toBufferedImage(image), "png", png)) {
            throw new IOException("no PNG writer available");
        }
        return png.toByteArray();
    }

    @Override
    public boolean isComplete(Corruption corruption, int severity) {
        for (int i = 0; i < images.size(); i++) {
            if (!Files.isRegularFile(fileOf(corruption, severity, i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void accept(Corruption corruption, int severity, int index, ByteImage image)
            throws IOException {
        Path file = fileOf(corruption, severity, index);
        if (Files.isRegularFile(file)) {
            return;
        }
        byte[] bytes = encode(image, format);
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    @Override
    public void blockDone(Corruption corruption, int severity) {
        // every file was committed as it was written
    }
}
