package org.djmix.corruptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.djmix.image.BufferedImages;
import org.djmix.image.ByteImage;

/**
 * Every image file under a folder (PNG, JPEG, BMP, GIF; any depth; sorted paths), read when asked
 * for, as 8-bit RGB of its own size. Its relative path is kept, so that a corruption job writes
 * {@code OUT/<corruption>/<severity>/<same path>}. Labels are not known here (0).
 */
public final class FolderImages implements LabelledImages {

    private final Path root;
    private final List<Path> files;

    private FolderImages(Path root, List<Path> files) {
        this.root = root;
        this.files = files;
    }

    /**
     * Lists a folder.
     *
     * @param root the folder
     * @return its images
     * @throws IOException naming the folder if it does not exist or holds no image
     */
    public static FolderImages of(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new IOException("input folder " + root + " does not exist");
        }
        List<Path> files = BufferedImages.imageFiles(root);
        if (files.isEmpty()) {
            throw new IOException(
                    "input folder "
                            + root
                            + " holds no image ("
                            + String.join(", ", BufferedImages.EXTENSIONS)
                            + ")");
        }
        return new FolderImages(root, files);
    }

    /**
     * Wraps one image file (its relative path is its name).
     *
     * @param file the image
     * @return a set of one image
     * @throws IOException naming the file if it does not exist or is not an image file
     */
    public static FolderImages single(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("image file " + file + " does not exist");
        }
        if (!BufferedImages.isImageFile(file)) {
            throw new IOException(
                    file
                            + " is not an image file ("
                            + String.join(", ", BufferedImages.EXTENSIONS)
                            + ")");
        }
        Path absolute = file.toAbsolutePath();
        return new FolderImages(absolute.getParent(), List.of(absolute));
    }

    @Override
    public int size() {
        return files.size();
    }

    @Override
    public ByteImage image(int index) {
        try {
            return BufferedImages.read(files.get(index));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public int label(int index) {
        return 0;
    }

    @Override
    public String relativePath(int index) {
        return root.relativize(files.get(index)).toString().replace('\\', '/');
    }
}
