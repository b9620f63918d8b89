package org.djmix.corruptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.djmix.image.BufferedImages;
import org.djmix.image.ByteImage;

/**
 * Reads the ImageNet-C layout that {@link ImageFolderCWriter} writes (and the official ImageNet-C
 * release uses): {@code DIR/<corruption>/<severity>/<relative path>}, the clean image's relative
 * path with a PNG or JPEG name. Images are read when asked for, so a block of large images is never
 * held in memory; labels and paths are the clean set's.
 */
public final class ImageFolderCDirectory {

    private ImageFolderCDirectory() {}

    /**
     * Lists the blocks a folder lacks: an evaluation may use any subset of ImageNet-C that is
     * present and say which blocks it left out.
     *
     * @param directory the layout's root
     * @param corruptions the corruptions asked for
     * @param severities the severities asked for
     * @return the missing blocks as {@code corruption/severity}, in the order asked
     * @throws IOException if the root does not exist
     */
    public static List<String> missing(
            Path directory, List<Corruption> corruptions, List<Integer> severities)
            throws IOException {
        if (!Files.isDirectory(directory)) {
            throw new IOException(
                    "ImageNet-C folder "
                            + directory
                            + " does not exist (expected DIR/<corruption>/<severity>/…)");
        }
        List<String> missing = new ArrayList<>();
        for (Corruption corruption : corruptions) {
            for (int severity : severities) {
                Path folder =
                        directory.resolve(corruption.id()).resolve(Integer.toString(severity));
                if (!Files.isDirectory(folder)) {
                    missing.add(corruption.id() + "/" + severity);
                }
            }
        }
        return missing;
    }

    /**
     * Opens one corruption at one severity.
     *
     * @param directory the layout's root
     * @param clean the clean images the folder was made from (their relative paths and labels)
     * @param corruption the corruption
     * @param severity 1..5
     * @return the corrupted images, read on demand; a missing file fails with its path
     * @throws IOException naming the severity folder if it does not exist
     */
    public static LabelledImages read(
            Path directory, LabelledImages clean, Corruption corruption, int severity)
            throws IOException {
        Corruption.checkSeverity(severity);
        Path folder = directory.resolve(corruption.id()).resolve(Integer.toString(severity));
        if (!Files.isDirectory(folder)) {
            throw new IOException(
                    "no folder "
                            + folder
                            + " (expected the ImageNet-C layout"
                            + " DIR/<corruption>/<severity>/<image>, as 'djmix corrupt' writes)");
        }
        ImageFolderCWriter png =
                new ImageFolderCWriter(directory, clean, ImageFolderCWriter.Format.PNG);
        ImageFolderCWriter jpeg =
                new ImageFolderCWriter(directory, clean, ImageFolderCWriter.Format.JPEG);
        return new LabelledImages() {
            @Override
            public int size() {
                return clean.size();
            }

            @Override
            public ByteImage image(int index) {
                Path file = png.fileOf(corruption, severity, index);
                if (!Files.isRegularFile(file)) {
                    file = jpeg.fileOf(corruption, severity, index);
                }
                try {
                    if (!Files.isRegularFile(file)) {
                        throw new NoSuchFileException(
                                file.toString(),
                                null,
                                "corrupted copy of "
                                        + clean.relativePath(index)
                                        + " is missing (looked for .png and .jpg)");
                    }
                    return BufferedImages.read(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public int label(int index) {
                return clean.label(index);
            }

            @Override
            public String relativePath(int index) {
                return clean.relativePath(index);
            }
        };
    }
}
