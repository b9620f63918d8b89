package org.djmix.tasks.segmentation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.djmix.corruptions.LabelledImages;
import org.djmix.image.ByteImage;
import org.djmix.io.NpzFile;
import org.djmix.tasks.eval.TrainedClassifiers;
import org.djmix.tasks.training.RunConfig;

/**
 * A trained segmentation model, frozen, that labels every pixel of whole 8-bit images (fed as
 * \(v/255\), in inference mode): the class of the largest upsampled logit, \(\hat y_p = \arg\max_k
 * f(x)_{k,p}\). Consecutive images of one size go through the model together.
 */
public final class Segmenter {

    private final Block model;
    private final NDManager manager;
    private final ParameterStore parameters;
    private final int numClasses;
    private final int batchSize;

    /**
     * Wraps an initialised model.
     *
     * @param model f, with its trained parameters; its first output is the upsampled logits
     * @param manager where the batches are made (its device is used)
     * @param numClasses K
     * @param batchSize at most this many images per forward
     */
    public Segmenter(Block model, NDManager manager, int numClasses, int batchSize) {
        this.model = model;
        this.manager = manager;
        this.parameters = new ParameterStore(manager, false);
        this.numClasses = numClasses;
        this.batchSize = batchSize;
        model.freezeParameters(true);
    }

    /**
     * Loads the model of a segmentation run ({@code djmix train} on a segmentation dataset).
     *
     * @param run the run directory
     * @param manager where the parameters go
     * @param batchSize at most this many images per forward
     * @return the segmenter
     * @throws IOException naming the directory if it is not a segmentation run or its parameters
     *     are missing or corrupt
     */
    public static Segmenter load(Path run, NDManager manager, int batchSize) throws IOException {
        if (!Files.isDirectory(run)) {
            throw new IOException("no training run at " + run + ": not a directory");
        }
        RunConfig config = RunConfig.read(run);
        if (!"segmentation".equals(config.task())) {
            throw new IOException(
                    run + " is a " + config.task() + " run; a segmentation run is needed here");
        }
        SegmentationTask task = SegmentationTask.of(config, run);
        Block model = task.model();
        model.initialize(
                manager, DataType.FLOAT32, new Shape(1).addAll(new Shape(config.imageShape())));
        TrainedClassifiers.loadParameters(model, run, manager);
        return new Segmenter(model, manager, config.numClasses(), batchSize);
    }

    /**
     * Loads a torchvision {@code deeplabv3_resnet50} state dict ({@code .npz}, see the README): its
     * class count and auxiliary head are read from the file.
     *
     * @param weights the state dict
     * @param outputStride 8 (torchvision's) or 16
     * @param manager where the parameters go
     * @param batchSize at most this many images per forward
     * @return the segmenter
     * @throws IOException naming the file if it is not a DeepLab-v3 ResNet-50 state dict
     */
    public static Segmenter fromTorchvision(
            Path weights, int outputStride, NDManager manager, int batchSize) throws IOException {
        Map<String, NpzFile.Array> state = NpzFile.read(weights);
        NpzFile.Array classifier = state.get("classifier.4.weight");
        if (classifier == null) {
            throw new IOException(
                    weights
                            + " is not a torchvision deeplabv3_resnet50 state dict (no"
                            + " classifier.4.weight)");
        }
        int classes = Math.toIntExact(classifier.shape()[0]);
        SegmentationTask task =
                new SegmentationTask(
                        "deeplabv3-resnet50",
                        classes,
                        outputStride,
                        state.containsKey("aux_classifier.0.weight"),
                        weights);
        Block model = task.model();
        model.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 64, 64));
        task.loadPretrained(model, state);
        return new Segmenter(model, manager, classes, batchSize);
    }

    /**
     * Returns the number of classes.
     *
     * @return K
     */
    public int getNumClasses() {
        return numClasses;
    }

    /**
     * Labels one image.
     *
     * @param image 3 channels, any size
     * @return the class of each pixel, row-major, H·W values
     */
    public int[] predict(ByteImage image) {
        return predict(List.of(image)).get(0);
    }

    /**
     * Counts every image's pixels into a confusion matrix against its mask.
     *
     * @param images the images (e.g. a corrupted copy of the validation set)
     * @param masks their masks, by the same index
     * @return the confusion matrix over all pixels
     * @throws IOException naming the image if a mask cannot be read or has another size
     */
    public ConfusionMatrix confusion(LabelledImages images, SegmentationSource masks)
            throws IOException {
        ConfusionMatrix matrix = new ConfusionMatrix(numClasses);
        int n = images.size();
        int start = 0;
        while (start < n) {
            List<ByteImage> batch = new ArrayList<>();
            batch.add(images.image(start));
            while (batch.size() < batchSize && start + batch.size() < n) {
                ByteImage next = images.image(start + batch.size());
                if (next.height() != batch.get(0).height()
                        || next.width() != batch.get(0).width()) {
                    break;
                }
                batch.add(next);
            }
            List<int[]> predicted = predict(batch);
            for (int i = 0; i < batch.size(); i++) {
                ByteImage mask = masks.mask(start + i);
                ByteImage image = batch.get(i);
                if (mask.height() != image.height() || mask.width() != image.width()) {
                    throw new IOException(
                            masks.name(start + i)
                                    + ": mask is "
                                    + mask.height()
                                    + "x"
                                    + mask.width()
                                    + ", the image "
                                    + image.height()
                                    + "x"
                                    + image.width());
                }
                matrix.add(mask.samples(), predicted.get(i));
            }
            start += batch.size();
        }
        return matrix;
    }

    /** Labels images of one size in one forward pass. */
    private List<int[]> predict(List<ByteImage> images) {
        ByteImage first = images.get(0);
        int size = first.channels() * first.height() * first.width();
        float[] pixels = new float[images.size() * size];
        for (int i = 0; i < images.size(); i++) {
            ByteImage image = images.get(i);
            if (image.channels() != 3) {
                throw new IllegalArgumentException(
                        "the model takes RGB images, got " + image.channels() + " channels");
            }
            System.arraycopy(image.toUnitFloats(), 0, pixels, i * size, size);
        }
        List<int[]> labels = new ArrayList<>();
        try (NDManager batch = manager.newSubManager()) {
            NDArray x =
                    batch.create(
                            pixels, new Shape(images.size(), 3, first.height(), first.width()));
            NDList out = model.forward(parameters, new NDList(x), false);
            int[] classes = out.head().argMax(1).toType(DataType.INT32, false).toIntArray();
            int pixelsPerImage = first.height() * first.width();
            for (int i = 0; i < images.size(); i++) {
                int[] one = new int[pixelsPerImage];
                System.arraycopy(classes, i * pixelsPerImage, one, 0, pixelsPerImage);
                labels.add(one);
            }
        }
        return labels;
    }
}
