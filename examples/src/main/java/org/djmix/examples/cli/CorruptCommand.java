package org.djmix.examples.cli;

import java.nio.file.Path;
import java.util.ArrayList;
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
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

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

    @Option(
            names = "--input",
            required = true,
            description = "a labelled dataset (" + DataSpec.FORMS + "; its test split) or a folder")
    private String input;

    @Option(names = "--output", description = "the output directory")
    private Path output;

    @Option(names = "--grid", description = "draw the first image's corruptions into this PNG")
    private Path grid;

    @Option(
            names = "--profile",
            description =
                    "cifar, imagenet or auto (default: cifar for 32x32 datasets, imagenet for"
                            + " 224x224, else auto)")
    private String profile;

    @Option(
            names = "--corruptions",
            defaultValue = "common",
            description =
                    "common (15), validation (4), segdet (10), all (19) or names, comma-separated"
                            + " (default ${DEFAULT-VALUE})")
    private String corruptions;

    @Option(
            names = "--severities",
            defaultValue = "1-5",
            description = "a range or list, e.g. 1-5 or 1,3,5 (default ${DEFAULT-VALUE})")
    private String severities;

    @Option(names = "--seed", defaultValue = "0", description = "seed (default ${DEFAULT-VALUE})")
    private long seed;

    @Option(
            names = "--format",
            description =
                    "npy (CIFAR-10-C layout; default for datasets), jpeg (default for folders) or png")
    private String format;

    @Option(names = "--threads", description = "worker threads (default: all processors)")
    private Integer threads;

    @Override
    public Integer call() throws Exception {
        List<Corruption> chosen = parseCorruptions(corruptions);
        List<Integer> levels = parseSeverities(severities);
        boolean dataset = isDataSpec(input);
        LabelledImages images =
                dataset
                        ? DataSpec.parse(input)
                                .read(false)
                                .setSampling(1, false)
                                .build()
                                .asLabelledImages()
                        : FolderImages.of(Path.of(input));
        CorruptionProfile parameters =
                profile != null
                        ? CorruptionProfile.fromName(profile)
                        : defaultProfile(images, dataset);
        if (grid != null) {
            CorruptionGrid.of(images.image(0), chosen, parameters, seed, 4).writePng(grid);
            System.out.println("wrote " + grid);
            if (output == null) {
                return 0;
            }
        }
        if (output == null) {
            throw new IllegalArgumentException("--output is required (or --grid FILE.png alone)");
        }
        String kind = format == null ? (dataset ? "npy" : "jpeg") : format;
        CorruptionJob.Builder job =
                CorruptionJob.builder()
                        .optCorruptions(chosen)
                        .optSeverities(levels)
                        .optProfile(parameters)
                        .optSeed(seed);
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
        System.out.printf(
                "wrote %s: %d images x %d corruptions x %d severities in %.1f s%n",
                output,
                images.size(),
                chosen.size(),
                levels.size(),
                (System.nanoTime() - start) / 1e9);
        return 0;
    }

    /** CIFAR's parameters for 32×32 datasets, ImageNet's for 224×224, else auto. */
    private static CorruptionProfile defaultProfile(LabelledImages images, boolean dataset) {
        if (dataset) {
            int side = images.image(0).height();
            if (side == 32 && images.image(0).width() == 32) {
                return CorruptionProfile.CIFAR;
            }
            if (side == 224 && images.image(0).width() == 224) {
                return CorruptionProfile.IMAGENET;
            }
        }
        return CorruptionProfile.AUTO;
    }

    private static boolean isDataSpec(String text) {
        int colon = text.indexOf(':');
        return text.equals("shapes")
                || (colon > 0 && DataSpec.KINDS.contains(text.substring(0, colon)));
    }

    static List<Corruption> parseCorruptions(String text) {
        return switch (text) {
            case "common" -> Corruption.COMMON;
            case "validation" -> Corruption.VALIDATION;
            case "segdet" -> Corruption.SEGMENTATION_DETECTION;
            case "all" -> Corruption.ALL;
            default -> {
                List<Corruption> list = new ArrayList<>();
                for (String name : text.split(",")) {
                    list.add(Corruption.fromId(name.trim()));
                }
                yield list;
            }
        };
    }

    static List<Integer> parseSeverities(String text) {
        List<Integer> list = new ArrayList<>();
        try {
            for (String part : text.split(",")) {
                String[] range = part.trim().split("-");
                int from = Integer.parseInt(range[0].trim());
                int to = range.length > 1 ? Integer.parseInt(range[1].trim()) : from;
                for (int s = from; s <= to; s++) {
                    if (s < 1 || s > 5) {
                        throw new IllegalArgumentException(
                                "--severities must lie in 1..5, got " + s + " in '" + text + "'");
                    }
                    list.add(s);
                }
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "--severities must be a range or list like 1-5 or 1,3,5, got '" + text + "'",
                    e);
        }
        if (list.isEmpty()) {
            throw new IllegalArgumentException("--severities '" + text + "' names no severity");
        }
        return list;
    }
}
