package org.djmix.tasks.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.djmix.image.BufferedImages;
import org.djmix.image.ByteImage;

/**
 * What the PASCAL VOC readers share: finding a year's folder ({@code VOC2007}, {@code VOC2012})
 * inside a {@code VOCdevkit} or taking the folder given, reading a split file of image ids, and
 * reading {@code JPEGImages/ID.jpg}.
 */
public final class VocFolders {

    private VocFolders() {}

    /**
     * Returns the year folder: the directory itself when it holds {@code JPEGImages}, else its
     * single child {@code VOC<year>} among the given years.
     *
     * @param directory a VOC year folder or a VOCdevkit
     * @param years the year folders to look for, e.g. {@code VOC2012}
     * @return the folder holding {@code JPEGImages}
     * @throws IOException naming the directory and what was expected
     */
    public static Path root(Path directory, String... years) throws IOException {
        if (Files.isDirectory(directory.resolve("JPEGImages"))) {
            return directory;
        }
        for (String year : years) {
            if (Files.isDirectory(directory.resolve(year).resolve("JPEGImages"))) {
                return directory.resolve(year);
            }
        }
        throw new IOException(
                directory
                        + " holds neither JPEGImages nor "
                        + String.join("/ or ", years)
                        + "/ (expected a PASCAL VOC folder)");
    }

    /**
     * Reads a split file: one image id per line (the first word; blank lines skipped).
     *
     * @param list the file
     * @param root the VOC folder, for messages
     * @return the ids in file order
     * @throws IOException naming the file if it is missing or lists no image
     */
    public static List<String> readIds(Path list, Path root) throws IOException {
        if (!Files.isRegularFile(list)) {
            throw new IOException("no split file " + list + " in " + root);
        }
        List<String> ids =
                Files.readAllLines(list).stream()
                        .map(String::trim)
                        .filter(line -> !line.isEmpty())
                        .map(line -> line.split("\\s+")[0])
                        .toList();
        if (ids.isEmpty()) {
            throw new IOException(list + " lists no image");
        }
        return ids;
    }

    /**
     * Reads {@code JPEGImages/ID.jpg}.
     *
     * @param root the VOC folder
     * @param id the image id
     * @return the image, 3 channels
     * @throws IOException naming the file if it is missing or unreadable
     */
    public static ByteImage readImage(Path root, String id) throws IOException {
        Path file = root.resolve("JPEGImages").resolve(id + ".jpg");
        if (!Files.isRegularFile(file)) {
            throw new IOException("no image " + file + " for id " + id);
        }
        return BufferedImages.read(file);
    }
}
