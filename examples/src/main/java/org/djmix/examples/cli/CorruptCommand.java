package org.djmix.examples.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.djmix.corruptions.CifarCWriter;
import org.djmix.corruptions.Corruption;
import org.djmix.corruptions.CorruptionGrid;
import org.djmix.corruptions.CorruptionJob;
import org.djmix.corruptions.CorruptionProfile;
import org.djmix.corruptions.FolderImages;
import org.djmix.corruptions.ImageFolderCWriter;
import org.djmix.corruptions.LabelledImages;
import org.djmix.tasks.data.DataSpec;
import org.djmix.tasks.data.TestImages;
import org.djmix.tasks.detection.DetectionData;
import org.djmix.tasks.segmentation.SegmentationData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code djmix corrupt}: builds corrupted test sets in the CIFAR-10-C layout (a labelled dataset,
 * {@code --format npy}) or the ImageNet-C layout (a folder, or {@code --format png|jpeg}), or draws
 * one example per corruption and severity ({@code --grid}).
 */
@Command(
        name = "corrupt",
        mixinStandardHelpOptions = true,
        description =
                "Corrupt a test set with the ImageNet-C corruptions (CIFAR-10-C or ImageNet-C"
                        + " layout), or draw them (--grid).")
public final class CorruptCommand implements Callable<Integer> {

    @Spec private CommandSpec spec;

    @Option(
            names = "--input",
            required = true,
            description =
                    "a labelled dataset ("
                            + DataSpec.FORMS
                            + "; its test split), a segmentation dataset ("
                            + SegmentationData.FORMS
                            + "; its validation images), a detection dataset ("
                            + DetectionData.FORMS
                            + "; its test images) or a folder")
    private String input;

    @Option(names = "--output", description = "the output directory")
    private Path output;

    @Option(names = "--grid", description = "draw the first image's corruptions into this PNG")
    private Path grid;

    @Option(
            names = "--profile",
            description =
                    "${COMPLETION-CANDIDATES} (default: CIFAR for 32x32 datasets, IMAGENET for"
                            + " 224x224, else AUTO)")
    private CorruptionProfile profile;

    @Mixin private CorruptionOptions corruption;

    @Mixin private SeedOption seed;

    @Option(
            names = "--format",
            description =
                    "npy (CIFAR-10-C layout; default for datasets), jpeg (ImageNet-C layout, quality"
                            + " 85; default for folders and imagenet: data) or png (lossless)")
    private String format;

    @Option(names = "--threads", description = "worker threads (default: all processors)")
    private Integer threads;

    @Override
    public Integer call() throws Exception {
        boolean segmentation = SegmentationData.accepts(input);
        boolean detection = DetectionData.accepts(input);
        List<Corruption> chosen =
                corruption.corruptions(
                        segmentation || detection
                                ? Corruption.SEGMENTATION_DETECTION
                                : Corruption.COMMON);
        List<Integer> levels = corruption.severities();
        boolean dataset = !segmentation && !detection && isDataSpec(input);
        LabelledImages images;
        if (segmentation) {
            images = SegmentationData.parse(input).validation().asLabelledImages();
        } else if (detection) {
            images = DetectionData.parse(input).test().asLabelledImages();
        } else if (dataset) {
            // imagenet: the ImageNet-C recipe, the test images resized and centre-cropped
            images = TestImages.of(DataSpec.parse(input), null).images();
        } else {
            images = FolderImages.of(Path.of(input));
        }
        CorruptionProfile parameters = profile(profile, dataset ? images : null);
        if (grid != null) {
            CorruptionGrid.of(images.image(0), chosen, parameters, seed.value(), 4).writePng(grid);
            spec.commandLine().getOut().println("wrote " + grid);
            if (output == null) {
                return 0;
            }
        }
        if (output == null) {
            throw new IllegalArgumentException("--output is required (or --grid FILE.png alone)");
        }
        boolean arrays = dataset && !DataSpec.parse(input).isStreamed();
        String kind = format == null ? (arrays ? "npy" : "jpeg") : format;
        CorruptionJob.Builder job =
                CorruptionJob.builder()
                        .optCorruptions(chosen)
                        .optSeverities(levels)
                        .optProfile(parameters)
                        .optSeed(seed.value());
        if (threads != null) {
            job.optThreads(threads);
        }
        CorruptionJob.Output sink =
                switch (kind) {
                    case "npy" -> {
                        if (!dataset) {
                            throw new IllegalArgumentException(
                                    "--format npy needs a labelled dataset (e.g. cifar10:DIR), not a"
                                            + " folder");
                        }
                        yield new CifarCWriter(output, images, levels);
                    }
                    case "jpeg" ->
                            new ImageFolderCWriter(output, images, ImageFolderCWriter.Format.JPEG);
                    case "png" ->
                            new ImageFolderCWriter(output, images, ImageFolderCWriter.Format.PNG);
                    default ->
                            throw new IllegalArgumentException(
                                    "unknown --format '" + kind + "'; expected npy, jpeg or png");
                };
        long start = System.nanoTime();
        job.build().run(images, sink, new CorruptionProgressBar());
        spec.commandLine()
                .getOut()
                .printf(
                        "wrote %s: %d images x %d corruptions x %d severities in %.1f s%n",
                        output,
                        images.size(),
                        chosen.size(),
                        levels.size(),
                        (System.nanoTime() - start) / 1e9);
        return 0;
    }

    /**
     * The corruption parameters: those asked for, else a dataset's by its image size, else (a
     * folder of images of any size) each image's own ({@code AUTO}).
     *
     * @param asked {@code --profile}, or null
     * @param dataset the dataset's images, or null for a folder
     * @return the profile
     */
    static CorruptionProfile profile(CorruptionProfile asked, LabelledImages dataset) {
        if (asked != null) {
            return asked;
        }
        return dataset == null
                ? CorruptionProfile.AUTO
                : CorruptionProfile.forImageSize(
                        dataset.image(0).width(), dataset.image(0).height());
    }

    /** Says whether an input names a dataset (a data spec) rather than a folder. */
    static boolean isDataSpec(String text) {
        int colon = text.indexOf(':');
        return text.equals("shapes")
                || (colon > 0 && DataSpec.KINDS.contains(text.substring(0, colon)));
    }
}
