package org.djmix.examples.cli;

import ai.djl.ndarray.NDManager;
import ai.djl.training.util.ProgressBar;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.djmix.corruptions.FolderImages;
import org.djmix.corruptions.LabelledImages;
import org.djmix.image.BufferedImages;
import org.djmix.image.ByteImage;
import org.djmix.io.AtomicFiles;
import org.djmix.io.NpzFile;
import org.djmix.tasks.detection.BoxPictures;
import org.djmix.tasks.detection.DetectionTransform;
import org.djmix.tasks.detection.Detections;
import org.djmix.tasks.detection.Detector;
import org.djmix.tasks.detection.VocDetection;
import org.djmix.tasks.segmentation.MaskPictures;
import org.djmix.tasks.segmentation.Segmenter;
import org.djmix.tasks.training.RunConfig;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code djmix predict}: runs a segmentation or detection model (a trained run, or torchvision
 * weights) on an image or every image of a folder. Segmentation writes per image the class mask as
 * a VOC-palette PNG and an overlay PNG; detection the boxes as JSON (class, score, x1 y1 x2 y2) and
 * an overlay PNG with the boxes drawn.
 */
@Command(
        name = "predict",
        mixinStandardHelpOptions = true,
        description =
                "Segment images or detect objects with a trained run or torchvision weights:"
                        + " a class-mask PNG (VOC palette) or a boxes JSON, and an overlay PNG per"
                        + " image.")
public final class PredictCommand implements Callable<Integer> {

    @Mixin private ThreadsOption threads;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private ModelSource model;

    /** Where the model comes from: one of the two. */
    static final class ModelSource {

        @Option(
                names = "--run",
                required = true,
                description = "a segmentation or detection run directory of 'djmix train'")
        private Path run;

        @Option(
                names = "--weights",
                required = true,
                description =
                        "a torchvision deeplabv3_resnet50 or fasterrcnn_resnet50_fpn state dict"
                                + " (.npz, see the README; a detector's classes are VOC's)")
        private Path weights;
    }

    @Option(
            names = "--output-stride",
            defaultValue = "8",
            description = "with --weights: the output stride, 8 or 16 (default ${DEFAULT-VALUE})")
    private int outputStride;

    @Option(
            names = "--min-size",
            defaultValue = "800",
            description =
                    "with --weights, detection: the shorter side's size (default ${DEFAULT-VALUE})")
    private int minSize;

    @Option(
            names = "--max-size",
            defaultValue = "1333",
            description =
                    "with --weights, detection: the longer side's bound (default ${DEFAULT-VALUE})")
    private int maxSize;

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
        if (isDetection()) {
            return detect(images);
        }
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

    /** Whether the model is a detector: a detection run, or a Faster R-CNN state dict. */
    private boolean isDetection() throws IOException {
        if (model.run != null) {
            return "detection".equals(RunConfig.read(model.run).task());
        }
        return NpzFile.read(model.weights).containsKey("roi_heads.box_predictor.cls_score.weight");
    }

    /** Boxes as JSON and an overlay PNG per image. */
    private int detect(LabelledImages images) throws IOException {
        try (NDManager manager = NDManager.newBaseManager()) {
            Detector detector =
                    model.run != null
                            ? Detector.load(model.run, manager, 1)
                            : Detector.fromTorchvision(
                                    model.weights,
                                    VocDetection.CLASSES,
                                    new DetectionTransform(minSize, maxSize, false),
                                    manager,
                                    1);
            ProgressBar progress = new ProgressBar("Detecting", images.size(), " images");
            for (int i = 0; i < images.size(); i++) {
                ByteImage image = images.image(i);
                Detections found = detector.detect(List.of(image)).get(0);
                String stem = stem(images.relativePath(i));
                AtomicFiles.writeString(
                        out.resolve(stem + ".boxes.json"),
                        BoxPictures.json(found, detector.getClassNames()));
                BufferedImages.writePng(
                        BoxPictures.overlay(image, found, detector.getClassNames()),
                        out.resolve(stem + ".overlay.png"));
                progress.update(i + 1);
            }
            progress.end();
        }
        spec.commandLine()
                .getOut()
                .printf(
                        "wrote %d box lists (class, score, x1 y1 x2 y2) and overlays to %s%n",
                        images.size(), out);
        return 0;
    }

    /** A relative path without its extension. */
    private static String stem(String relative) {
        int dot = relative.lastIndexOf('.');
        return dot > relative.lastIndexOf('/') ? relative.substring(0, dot) : relative;
    }
}
