package org.djmix.tasks.detection;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
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
 * A trained {@link FasterRcnn}, frozen, that detects objects in whole 8-bit images: each image is
 * resized by the run's {@link DetectionTransform} (no flip), batches are padded as in training, and
 * the boxes are mapped back to the image's own pixels.
 */
public final class Detector {

    private final FasterRcnn model;
    private final DetectionTransform transform;
    private final NDManager manager;
    private final ParameterStore parameters;
    private final int batchSize;
    private final List<String> classNames;

    /**
     * Wraps an initialised detector.
     *
     * @param model the detector, with its trained parameters
     * @param transform the test-time resize
     * @param classNames the K object classes' names
     * @param manager where the batches are made (its device is used)
     * @param batchSize at most this many images per forward
     */
    public Detector(
            FasterRcnn model,
            DetectionTransform transform,
            List<String> classNames,
            NDManager manager,
            int batchSize) {
        if (classNames.size() != model.getObjectClasses()) {
            throw new IllegalArgumentException(
                    classNames.size()
                            + " class names for a detector of "
                            + model.getObjectClasses()
                            + " classes");
        }
        this.model = model;
        this.transform = new DetectionTransform(transform.minSize(), transform.maxSize(), false);
        this.classNames = List.copyOf(classNames);
        this.manager = manager;
        this.parameters = new ParameterStore(manager, false);
        this.batchSize = batchSize;
        model.freezeParameters(true);
    }

    /**
     * Loads the detector of a detection run ({@code djmix train} on a detection dataset).
     *
     * @param run the run directory
     * @param manager where the parameters go
     * @param batchSize at most this many images per forward
     * @return the detector
     * @throws IOException naming the directory if it is not a detection run or its parameters are
     *     missing or corrupt
     */
    public static Detector load(Path run, NDManager manager, int batchSize) throws IOException {
        if (!Files.isDirectory(run)) {
            throw new IOException("no training run at " + run + ": not a directory");
        }
        RunConfig config = RunConfig.read(run);
        if (!"detection".equals(config.task())) {
            throw new IOException(
                    run + " is a " + config.task() + " run; a detection run is needed here");
        }
        List<String> classNames = DetectionTask.classNames(config, run);
        FasterRcnn model = (FasterRcnn) DetectionTask.of(config, run).model();
        model.initialize(
                manager, DataType.FLOAT32, new Shape(1).addAll(new Shape(config.imageShape())));
        TrainedClassifiers.loadParameters(model, run, manager);
        return new Detector(
                model, DetectionTask.transform(config, run), classNames, manager, batchSize);
    }

    /**
     * Loads a torchvision {@code fasterrcnn_resnet50_fpn} state dict ({@code .npz}, see the
     * README); its class count (background included) is read from the file.
     *
     * @param weights the state dict
     * @param classNames the object classes' names, one fewer than the file's classes
     * @param transform the resize (torchvision's: 800 / 1 333)
     * @param manager where the parameters go
     * @param batchSize at most this many images per forward
     * @return the detector
     * @throws IOException naming the file if it is not such a state dict or its classes differ
     */
    public static Detector fromTorchvision(
            Path weights,
            List<String> classNames,
            DetectionTransform transform,
            NDManager manager,
            int batchSize)
            throws IOException {
        Map<String, NpzFile.Array> state = NpzFile.read(weights);
        NpzFile.Array scores = state.get("roi_heads.box_predictor.cls_score.weight");
        if (scores == null) {
            throw new IOException(
                    weights
                            + " is not a torchvision fasterrcnn_resnet50_fpn state dict (no"
                            + " roi_heads.box_predictor.cls_score.weight)");
        }
        int classes = Math.toIntExact(scores.shape()[0]) - 1;
        if (classes != classNames.size()) {
            throw new IOException(
                    weights
                            + " detects "
                            + classes
                            + " classes, the data has "
                            + classNames.size());
        }
        DetectionTask task =
                new DetectionTask("fasterrcnn-resnet50-fpn", classes, 3, true, 0, weights);
        FasterRcnn model = (FasterRcnn) task.model();
        model.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 64, 64));
        task.loadPretrained(model);
        return new Detector(model, transform, classNames, manager, batchSize);
    }

    /**
     * Returns the object classes' names.
     *
     * @return K names
     */
    public List<String> getClassNames() {
        return classNames;
    }

    /**
     * Detects objects in images.
     *
     * @param images 3 channels each, any sizes
     * @return per image its detections, in its own pixels
     */
    public List<Detections> detect(List<ByteImage> images) {
        List<Detections> result = new ArrayList<>(images.size());
        for (int start = 0; start < images.size(); start += batchSize) {
            List<ByteImage> chunk =
                    images.subList(start, Math.min(images.size(), start + batchSize));
            result.addAll(detectBatch(chunk));
        }
        return result;
    }

    private List<Detections> detectBatch(List<ByteImage> images) {
        try (NDManager batch = manager.newSubManager()) {
            NDList[] records = new NDList[images.size()];
            List<DetectionTransform.Result> resized = new ArrayList<>();
            for (int i = 0; i < images.size(); i++) {
                DetectionTransform.Result r = transform.apply(images.get(i), new float[0], null);
                resized.add(r);
                ByteImage image = r.image();
                records[i] =
                        new NDList(
                                batch.create(
                                        image.toUnitFloats(),
                                        new Shape(image.channels(), image.height(), image.width())),
                                batch.create(new float[] {image.height(), image.width()}));
            }
            NDList inputs = PaddingBatchifier.images().batchify(records);
            List<Detections> found =
                    FasterRcnn.detections(model.forward(parameters, inputs, false));
            List<Detections> result = new ArrayList<>(found.size());
            for (int i = 0; i < found.size(); i++) {
                Detections d = found.get(i);
                float[] boxes = d.boxes().clone();
                DetectionTransform.Result r = resized.get(i);
                for (int k = 0; k < boxes.length; k += 4) {
                    boxes[k] /= r.scaleX();
                    boxes[k + 1] /= r.scaleY();
                    boxes[k + 2] /= r.scaleX();
                    boxes[k + 3] /= r.scaleY();
                }
                result.add(new Detections(boxes, d.scores(), d.labels()));
            }
            return result;
        }
    }

    /**
     * Measures the VOC mAP@0.5 (all-point) of images against a source's boxes.
     *
     * @param images the images (e.g. a corrupted copy of the test set), by the source's index
     * @param truth the boxes, classes and difficult flags
     * @return the accumulated precision, for per-class AP or mAP
     * @throws IOException if an annotation cannot be read
     */
    public VocAveragePrecision averagePrecision(LabelledImages images, DetectionSource truth)
            throws IOException {
        VocAveragePrecision ap = new VocAveragePrecision(classNames.size(), 0.5f);
        for (int start = 0; start < images.size(); start += batchSize) {
            int end = Math.min(images.size(), start + batchSize);
            List<ByteImage> chunk = new ArrayList<>();
            for (int i = start; i < end; i++) {
                chunk.add(images.image(i));
            }
            List<Detections> found = detect(chunk);
            for (int i = start; i < end; i++) {
                DetectionSource.Annotation a = truth.annotation(i);
                Detections d = found.get(i - start);
                ap.add(a.labels(), a.boxes(), a.difficult(), d.labels(), d.boxes(), d.scores());
            }
        }
        return ap;
    }
}
