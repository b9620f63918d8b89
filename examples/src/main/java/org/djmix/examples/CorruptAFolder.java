package org.djmix.examples;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.djmix.corruptions.Corruption;
import org.djmix.corruptions.CorruptionGrid;
import org.djmix.corruptions.CorruptionJob;
import org.djmix.corruptions.CorruptionProfile;
import org.djmix.corruptions.FolderImages;
import org.djmix.corruptions.ImageFolderCWriter;
import org.djmix.corruptions.LabelledImages;
import org.djmix.image.BufferedImages;
import org.djmix.tasks.data.DataSpec;

/**
 * Use case: corrupt a folder of images with the ImageNet-C corruptions (Hendrycks and Dietterich
 * 2019), written in the ImageNet-C layout {@code CORRUPTION/SEVERITY/CLASS/IMAGE.png}, plus a grid
 * of every corruption and severity of the first image. Run it from the IDE with a folder of class
 * folders as argument, or with none: it then writes a few Fashion-MNIST test images into {@code
 * runs/example-folder} first. Output: {@code runs/example-folder-c}.
 */
public final class CorruptAFolder {

    private CorruptAFolder() {}

    /**
     * Corrupts the folder.
     *
     * @param args an optional folder of class folders of images
     * @throws IOException if images cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        Path folder =
                args.length > 0
                        ? Path.of(args[0])
                        : writeSamples(ExampleData.spec(), 8, Path.of("runs", "example-folder"));
        Path out = Path.of("runs", "example-folder-c");
        corrupt(folder, out, Corruption.COMMON, List.of(1, 3, 5));
        System.out.println("wrote " + out + " and " + out.resolve("grid.png"));
    }

    /**
     * Corrupts every image of a folder at each corruption and severity, the same for the same seed
     * whatever the number of threads.
     *
     * @param folder class folders of images
     * @param out the output folder
     * @param corruptions which corruptions
     * @param severities which severities, 1 to 5
     * @throws IOException if images cannot be read or written
     */
    static void corrupt(
            Path folder, Path out, List<Corruption> corruptions, List<Integer> severities)
            throws IOException {
        LabelledImages images = FolderImages.of(folder);
        CorruptionProfile profile =
                CorruptionProfile.forImageSize(images.image(0).width(), images.image(0).height());
        CorruptionJob.builder()
                .optCorruptions(corruptions)
                .optSeverities(severities)
                .optProfile(profile)
                .optSeed(0)
                .build()
                .run(images, new ImageFolderCWriter(out, images, ImageFolderCWriter.Format.PNG));
        CorruptionGrid.of(images.image(0), corruptions, profile, 0, 4)
                .writePng(out.resolve("grid.png"));
    }

    /** Writes the first test images of a dataset as {@code LABEL/INDEX.png}. */
    static Path writeSamples(String data, int count, Path folder) throws IOException {
        LabelledImages images =
                DataSpec.parse(data)
                        .read(false)
                        .setSampling(1, false)
                        .optLimit(count)
                        .build()
                        .asLabelledImages();
        for (int i = 0; i < images.size(); i++) {
            BufferedImages.writePng(
                    BufferedImages.toBufferedImage(images.image(i)),
                    folder.resolve(Integer.toString(images.label(i))).resolve(i + ".png"));
        }
        return folder;
    }
}
