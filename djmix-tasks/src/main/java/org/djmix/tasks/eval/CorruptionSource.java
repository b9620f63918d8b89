package org.djmix.tasks.eval;

import java.io.IOException;
import java.nio.file.Path;
import org.djmix.corruptions.CifarCDirectory;
import org.djmix.corruptions.CorruptedImages;
import org.djmix.corruptions.Corruption;
import org.djmix.corruptions.CorruptionProfile;
import org.djmix.corruptions.ImageFolderCDirectory;
import org.djmix.corruptions.LabelledImages;

/** Where an evaluation finds the corrupted test images. */
@FunctionalInterface
public interface CorruptionSource {

    /**
     * Returns the test images at one corruption and severity.
     *
     * @param corruption the corruption
     * @param severity 1..5
     * @return the images with their labels
     * @throws IOException if they cannot be read
     */
    LabelledImages images(Corruption corruption, int severity) throws IOException;

    /**
     * Opens a directory of corrupted images named as on the command line.
     *
     * @param text {@code cifar-c:DIR} (the CIFAR-10-C layout) or {@code imagenet-c:DIR} (the
     *     ImageNet-C layout)
     * @param clean the clean images the directory was made from
     * @return the source
     * @throws IllegalArgumentException naming the text if it is neither form
     */
    static CorruptionSource parse(String text, LabelledImages clean) {
        if (text.startsWith("cifar-c:")) {
            return cifarC(Path.of(text.substring("cifar-c:".length())));
        }
        if (text.startsWith("imagenet-c:")) {
            return imageFolder(Path.of(text.substring("imagenet-c:".length())), clean);
        }
        throw new IllegalArgumentException(
                "--corrupted must be cifar-c:DIR or imagenet-c:DIR, got '" + text + "'");
    }

    /**
     * Reads a CIFAR-10-C style directory (ours or the official release).
     *
     * @param directory the directory
     * @return the source
     */
    static CorruptionSource cifarC(Path directory) {
        return (corruption, severity) -> CifarCDirectory.read(directory, corruption, severity);
    }

    /**
     * Reads an ImageNet-C layout folder ({@code DIR/<corruption>/<severity>/<image>}, as {@code
     * djmix corrupt} writes for folders and segmentation sets), image by image.
     *
     * @param directory the layout's root
     * @param clean the clean images it was made from (relative paths and labels)
     * @return the source
     */
    static CorruptionSource imageFolder(Path directory, LabelledImages clean) {
        return (corruption, severity) ->
                ImageFolderCDirectory.read(directory, clean, corruption, severity);
    }

    /**
     * Corrupts the clean test images on the fly, with the seeds {@code djmix corrupt} would use.
     *
     * @param clean the clean test images
     * @param profile the parameters
     * @param seed the seed
     * @param threads worker threads
     * @return the source
     */
    static CorruptionSource onTheFly(
            LabelledImages clean, CorruptionProfile profile, long seed, int threads) {
        return (corruption, severity) ->
                CorruptedImages.of(clean, corruption, severity, profile, seed, threads);
    }
}
