package org.djmix.examples.cli;

import ai.djl.ndarray.NDManager;
import ai.djl.training.util.ProgressBar;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.djmix.corruptions.FolderImages;
import org.djmix.corruptions.LabelledImages;
import org.djmix.image.BufferedImages;
import org.djmix.image.ByteImage;
import org.djmix.tasks.segmentation.MaskPictures;
import org.djmix.tasks.segmentation.Segmenter;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code djmix predict}: runs a segmentation model (a trained run, or torchvision weights) on an
 * image or every image of a folder, and writes per image the class mask as a VOC-palette PNG and an
 * overlay PNG.
 */
@Command(
        name = "predict",
        mixinStandardHelpOptions = true,
        description =
                "Segment images with a trained run or torchvision weights: a class-mask PNG (VOC"
                        + " palette) and an overlay PNG per image.")
public final class PredictCommand implements Callable<Integer> {

    @Mixin private ThreadsOption threads;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private ModelSource model;

    /** Where the model comes from: one of the two. */
    static final class ModelSource {

        @Option(
                names = "--run",
                required = true,
                description = "a segmentation run directory of 'djmix train'")
        private Path run;

        @Option(
                names = "--weights",
                required = true,
                description = "a torchvision deeplabv3_resnet50 state dict (.npz, see the README)")
        private Path weights;
    }

    @Option(
            names = "--output-stride",
            defaultValue = "8",
            description = "with --weights: the output stride, 8 or 16 (default ${DEFAULT-VALUE})")
    private int outputStride;

    @Option(names = "--input", required = true, description = "an image file or a folder")
    private Path input;

    @Option(names = "--out", required = true, description = "the output folder")
    private Path out;

    @Spec private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        NativeSetup.prepare();
        LabelledImages images =
                Files.isDirectory(input) ? FolderImages.of(input) : FolderImages.single(input);
        try (NDManager manager = NDManager.newBaseManager()) {
            Segmenter segmenter =
                    model.run != null
                            ? Segmenter.load(model.run, manager, 1)
                            : Segmenter.fromTorchvision(model.weights, outputStride, manager, 1);
            ProgressBar progress = new ProgressBar("Segmenting", images.size(), " images");
            for (int i = 0; i < images.size(); i++) {
                ByteImage image = images.image(i);
                int[] classes = segmenter.predict(image);
                String stem = stem(images.relativePath(i));
                BufferedImages.writePng(
                        MaskPictures.mask(classes, image.height(), image.width()),
                        out.resolve(stem + ".mask.png"));
                BufferedImages.writePng(
                        MaskPictures.overlay(image, classes), out.resolve(stem + ".overlay.png"));
                progress.update(i + 1);
            }
            progress.end();
        }
        PrintWriter console = spec.commandLine().getOut();
        console.printf(
                "wrote %d masks and overlays to %s (VOC palette: pixel values are the class"
                        + " indices)%n",
                images.size(), out);
        return 0;
    }

    /** A relative path without its extension. */
    private static String stem(String relative) {
        int dot = relative.lastIndexOf('.');
        return dot > relative.lastIndexOf('/') ? relative.substring(0, dot) : relative;
    }
}
