package org.djmix.examples.cli;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.RandomAccessDataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.djmix.core.BetaMixer;
import org.djmix.core.method.Method;
import org.djmix.core.method.MethodOptions;
import org.djmix.core.method.Methods;
import org.djmix.tasks.classification.ClassificationModels;
import org.djmix.tasks.classification.ClassificationRecipe;
import org.djmix.tasks.classification.ClassificationTask;
import org.djmix.tasks.data.DataSpec;
import org.djmix.tasks.data.DecodeThreads;
import org.djmix.tasks.data.ImageDataset;
import org.djmix.tasks.data.ImageFolderDataset;
import org.djmix.tasks.detection.DetectionData;
import org.djmix.tasks.detection.DetectionDataset;
import org.djmix.tasks.detection.DetectionSource;
import org.djmix.tasks.detection.DetectionTask;
import org.djmix.tasks.detection.DetectionTransform;
import org.djmix.tasks.segmentation.JointTransform;
import org.djmix.tasks.segmentation.SegmentationData;
import org.djmix.tasks.segmentation.SegmentationDataset;
import org.djmix.tasks.segmentation.SegmentationSource;
import org.djmix.tasks.segmentation.SegmentationTask;
import org.djmix.tasks.task.Task;
import org.djmix.tasks.training.EpochResult;
import org.djmix.tasks.training.RunConfig;
import org.djmix.tasks.training.TaskTrainer;
import org.djmix.tasks.training.TrainingData;
import org.djmix.vqvae.AutoencoderConfig;
import org.djmix.vqvae.VqVaeDiscretizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code djmix train}: trains a model on a task with a method, checkpointing every epoch. */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        description = "Train a model with a method (baseline, mixup, augmix, djmix, ...).")
public final class TrainCommand implements Callable<Integer> {

    @Mixin private ThreadsOption threads;

    @Mixin private LoaderOptions loader;

    @Mixin private RecipeOptions recipe;

    @Spec private CommandSpec spec;

    @Option(
            names = "--task",
            description =
                    "classification, segmentation or detection (default: the one the data spec"
                            + " is for)")
    private String task;

    @Mixin private DataOption data;

    @Option(
            names = "--model",
            converter = NameChoice.ModelNames.class,
            completionCandidates = NameChoice.ModelNames.class,
            description =
                    "the network: ${COMPLETION-CANDIDATES} (default wrn-28-2; segmentation:"
                            + " deeplabv3-resnet50; detection: fasterrcnn-resnet50-fpn)")
    private String model;

    @Option(
            names = "--crop",
            defaultValue = "513",
            description = "segmentation: the side of the random training crops (default 513)")
    private int crop;

    @Option(
            names = "--output-stride",
            defaultValue = "8",
            description = "segmentation: DeepLab-v3's output stride, 8 or 16 (default 8)")
    private int outputStride;

    @Option(
            names = "--aux",
            negatable = true,
            defaultValue = "true",
            fallbackValue = "true",
            description = "segmentation: the auxiliary FCN head, loss weight 0.5 (default on)")
    private boolean auxiliaryHead;

    @Option(
            names = "--weights",
            description =
                    "segmentation and detection: a torchvision state dict (.npz) to start from:"
                            + " an ImageNet resnet50 (backbone), a deeplabv3_resnet50 or a"
                            + " fasterrcnn_resnet50_fpn")
    private Path weights;

    @Option(
            names = "--min-size",
            description =
                    "detection: resize so that the shorter side is this (default 800; shapes-det"
                            + " 128)")
    private Integer minSize;

    @Option(
            names = "--max-size",
            description =
                    "detection: but the longer side at most this (default 1333; shapes-det 128)")
    private Integer maxSize;

    @Option(
            names = "--trainable-layers",
            description =
                    "detection: backbone stages that train, 0..5 (default 3 with --weights, with"
                            + " BatchNorm frozen; 5 from scratch, with BatchNorm learning)")
    private Integer trainableLayers;

    @Option(
            names = "--method",
            defaultValue = "djmix",
            converter = NameChoice.MethodNames.class,
            completionCandidates = NameChoice.MethodNames.class,
            description = "the method: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE})")
    private String method;

    @Option(names = "--dae", description = "the saved g (dae train --out) for the djmix methods")
    private Path dae;

    @Option(
            names = "--beta",
            split = ",",
            paramLabel = "B0,B1",
            description =
                    "djmix methods: draw the mixing weight from Beta(B0, B1) (default 1,0.5, the"
                            + " paper's)")
    private List<Double> beta;

    @Option(
            names = "--epochs",
            defaultValue = "200",
            description = "epochs (default ${DEFAULT-VALUE})")
    private int epochs;

    @Option(
            names = "--batch",
            defaultValue = "128",
            description = "batch size (default ${DEFAULT-VALUE})")
    private int batch;

    @Option(
            names = "--lr",
            description =
                    "peak learning rate (default 0.1; for imagenet: data 0.1 x batch / 256, the"
                            + " linear scaling rule)")
    private Float learningRate;

    @Option(
            names = "--devices",
            paramLabel = "N",
            description =
                    "train on the first N devices of the engine (GPUs), each batch split among"
                            + " them (default: one)")
    private Integer devices;

    @Option(
            names = "--weight-decay",
            defaultValue = "1e-4",
            description = "weight decay (default ${DEFAULT-VALUE})")
    private float weightDecay;

    @Option(
            names = "--restart-epochs",
            defaultValue = "0",
            description =
                    "SGDR cycle in epochs; 0: one cosine over the run (default ${DEFAULT-VALUE})")
    private int restartEpochs;

    @Mixin private SeedOption seedOption;

    @Option(names = "--train-limit", description = "use only the first N training images")
    private Integer trainLimit;

    @Mixin private TestLimitOption testLimit;

    @Option(names = "--out", required = true, description = "the run directory")
    private Path out;

    @Option(
            names = "--separate-passes",
            description =
                    "consistency methods: put the views through f as separate batches of --batch"
                            + " instead of one joint batch (faster on CPU; BatchNorm then"
                            + " normalises each view on its own)")
    private boolean separatePasses;

    @Option(names = "--resume", description = "continue after the last complete epoch in --out")
    private boolean resume;

    /** What a task brings to a run: its model and loss, its data and its image shape. */
    private record Prepared(
            Task task,
            TrainingData trainData,
            RandomAccessDataset test,
            long[] shape,
            int numClasses,
            Map<String, String> taskOptions) {}

    @Override
    public Integer call() throws Exception {
        String dataTask = data.task();
        String chosenTask = task != null ? task : dataTask;
        if (!List.of("classification", "segmentation", "detection").contains(chosenTask)) {
            throw new IllegalArgumentException(
                    "unknown --task '"
                            + task
                            + "'; expected classification, segmentation or detection");
        }
        if (!chosenTask.equals(dataTask)) {
            throw new IllegalArgumentException(
                    "--task "
                            + chosenTask
                            + " does not fit --data "
                            + data.text()
                            + " (a "
                            + dataTask
                            + " dataset; segmentation takes "
                            + SegmentationData.FORMS
                            + ", detection "
                            + DetectionData.FORMS
                            + ")");
        }
        boolean segmentation = chosenTask.equals("segmentation");
        boolean detection = chosenTask.equals("detection");
        if (detection && method.equals("mixup")) {
            throw new IllegalArgumentException(
                    "--method mixup blends two images but keeps one image's boxes; it is not"
                            + " offered for detection (the paper's detection baselines are"
                            + " baseline, djmix and djmix-ra)");
        }
        BetaMixer mixer = beta == null ? null : mixer();
        NativeSetup.prepare();
        boolean streamed = !segmentation && !detection && data.spec().isStreamed();
        float rate = learningRate != null ? learningRate : streamed ? 0.1f * batch / 256 : 0.1f;
        try (DecodeThreads decoding = streamed ? loader.start() : null;
                NDManager manager = NDManager.newBaseManager()) {
            Prepared run =
                    segmentation
                            ? segmentation()
                            : detection
                                    ? detection()
                                    : streamed
                                            ? streamedClassification(decoding)
                                            : classification();
            MethodOptions.Builder options =
                    MethodOptions.builder()
                            .optSeed(seedOption.value())
                            .optSeparatePasses(separatePasses || detection)
                            .optTaskOutputs(run.task().outputs())
                            .optGeometricOps(chosenTask.equals("classification"));
            if (mixer != null) {
                options.optMixer(mixer);
            }
            if (Methods.needsDiscretizer(method)) {
                options.setDiscretizer(
                        loadDiscretizer(
                                manager,
                                run.shape(),
                                chosenTask.equals("classification") && !streamed));
            }
            MethodOptions built = options.build();
            Method chosen = Methods.create(method, built);
            RunConfig config =
                    new RunConfig(
                            RunConfig.FORMAT,
                            "djmix " + DJMixVersion.libraryVersion(),
                            chosenTask,
                            modelName(chosenTask),
                            run.numClasses(),
                            run.shape(),
                            data.text(),
                            method,
                            dae == null ? null : dae.toAbsolutePath().toString(),
                            Methods.mixer(method, built).map(BetaMixer::toString).orElse(null),
                            separatePasses || detection,
                            epochs,
                            batch,
                            rate,
                            weightDecay,
                            0.9f,
                            restartEpochs,
                            seedOption.value(),
                            run.taskOptions());
            TaskTrainer trainer = TaskTrainer.of(run.task(), chosen, config);
            if (decoding != null) {
                trainer = trainer.withLoader(decoding.executor());
            }
            if (devices != null) {
                trainer = trainer.withDevices(Engine.getInstance().getDevices(devices));
            }
            List<EpochResult> history = trainer.train(run.trainData(), run.test(), out, resume);
            EpochResult last = history.get(history.size() - 1);
            this.spec
                    .commandLine()
                    .getOut()
                    .printf(
                            "saved %s: epoch %d, clean %s %.2f %%%n",
                            out,
                            last.epoch(),
                            segmentation ? "1 - mIoU" : detection ? "1 - mAP" : "test error",
                            100 * last.testError());
        }
        return 0;
    }

    /** Beta(B0, B1) from --beta, for the methods that mix x with g(x). */
    private BetaMixer mixer() {
        if (!Methods.drawsBeta(method)) {
            throw new IllegalArgumentException(
                    "--beta sets how DJMix draws its mixing weight; --method "
                            + method
                            + " does not draw one");
        }
        if (beta.size() != 2) {
            throw new IllegalArgumentException(
                    "--beta takes two values B0,B1 (e.g. 1,0.5), got " + beta.size());
        }
        try {
            return BetaMixer.beta(beta.get(0), beta.get(1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--beta " + e.getMessage(), e);
        }
    }

    /** The model's name: the one given, else the task's default; it must suit the task. */
    private String modelName(String chosenTask) {
        Map<String, List<String>> models =
                Map.of(
                        "classification", ClassificationModels.NAMES,
                        "segmentation", SegmentationTask.MODELS,
                        "detection", DetectionTask.MODELS);
        String name =
                model != null
                        ? model
                        : switch (chosenTask) {
                            case "segmentation" -> "deeplabv3-resnet50";
                            case "detection" -> "fasterrcnn-resnet50-fpn";
                            default -> "wrn-28-2";
                        };
        if (!models.get(chosenTask).contains(name)) {
            throw new IllegalArgumentException(
                    "--model "
                            + name
                            + " is not a "
                            + chosenTask
                            + " model; "
                            + chosenTask
                            + " takes "
                            + models.get(chosenTask));
        }
        return name;
    }

    private Prepared classification() throws IOException {
        DataSpec spec = data.spec();
        ImageDataset.Builder train = spec.read(true, trainLimit);
        ImageDataset test = spec.read(false, testLimit.value()).setSampling(batch, false).build();
        ClassificationRecipe chosen = recipe.recipe(false);
        return new Prepared(
                new ClassificationTask(modelName("classification"), test.getNumClasses(), chosen),
                ClassificationTask.trainingData(train),
                test,
                test.getImageShape().getShape(),
                test.getNumClasses(),
                chosen.options());
    }

    /**
     * Image folders streamed from disk with the ImageNet recipe: random resized crops and flips for
     * training, resize and centre crop for testing, decoded on the loader's threads.
     */
    private Prepared streamedClassification(DecodeThreads decoding) throws IOException {
        DataSpec spec = data.spec();
        ImageFolderDataset.Builder test =
                spec.stream(false).setSampling(batch, false).optPrefetchNumber(decoding.prefetch());
        if (testLimit.value() != null) {
            test.optLimit(testLimit.value());
        }
        if (loader.skipUnreadable()) {
            test.optSkipUnreadable();
        }
        ImageFolderDataset testSet = test.build();
        ImageFolderDataset.Builder train = spec.stream(true).optPrefetchNumber(decoding.prefetch());
        if (trainLimit != null) {
            train.optLimit(trainLimit);
        }
        if (loader.skipUnreadable()) {
            train.optSkipUnreadable();
        }
        TrainingData trainData =
                (sampler, seed) -> train.setSampling(sampler).optSeed(seed).build();
        ClassificationRecipe chosen = recipe.recipe(true);
        return new Prepared(
                new ClassificationTask(
                        modelName("classification"), testSet.getNumClasses(), chosen),
                trainData,
                testSet,
                testSet.getImageShape().getShape(),
                testSet.getNumClasses(),
                chosen.options());
    }

    /** Random crops of --crop for training; whole validation images, one at a time. */
    private Prepared segmentation() throws IOException {
        SegmentationData spec = data.segmentation();
        SegmentationSource trainImages = spec.train();
        SegmentationDataset.Builder validation =
                SegmentationDataset.builder().setSource(spec.validation()).setSampling(1, false);
        if (testLimit.value() != null) {
            validation.optLimit(testLimit.value());
        }
        JointTransform transform = new JointTransform(crop);
        TrainingData trainData =
                (sampler, seed) -> {
                    SegmentationDataset.Builder train =
                            SegmentationDataset.builder()
                                    .setSource(trainImages)
                                    .optTransform(transform, seed)
                                    .setSampling(sampler);
                    if (trainLimit != null) {
                        train.optLimit(trainLimit);
                    }
                    return train.build();
                };
        int classes = trainImages.numClasses();
        SegmentationTask task =
                new SegmentationTask(
                        modelName("segmentation"), classes, outputStride, auxiliaryHead, weights);
        return new Prepared(
                task,
                trainData,
                validation.build(),
                new long[] {3, crop, crop},
                classes,
                task.options());
    }

    /** Resized training images with random flips; resized test images, padded batches. */
    private Prepared detection() throws IOException {
        DetectionData spec = data.detection();
        DetectionSource trainImages = spec.train();
        int[] size = spec.defaultSize();
        int shorter = minSize != null ? minSize : size[0];
        int longer = maxSize != null ? maxSize : Math.max(size[1], shorter);
        DetectionTransform transform = new DetectionTransform(shorter, longer, false);
        DetectionTransform flipping = new DetectionTransform(shorter, longer, true);
        DetectionDataset.Builder test =
                DetectionDataset.builder()
                        .setSource(spec.test())
                        .setTransform(transform)
                        .setSampling(batch, false);
        if (testLimit.value() != null) {
            test.optLimit(testLimit.value());
        }
        TrainingData trainData =
                (sampler, seed) -> {
                    DetectionDataset.Builder train =
                            DetectionDataset.builder()
                                    .setSource(trainImages)
                                    .setTransform(flipping)
                                    .optTraining(seed)
                                    .setSampling(sampler);
                    if (trainLimit != null) {
                        train.optLimit(trainLimit);
                    }
                    return train.build();
                };
        int classes = trainImages.classNames().size();
        DetectionTask detectionTask =
                new DetectionTask(
                        modelName("detection"),
                        classes,
                        trainableLayers != null ? trainableLayers : weights != null ? 3 : 5,
                        weights != null,
                        seedOption.value(),
                        weights);
        return new Prepared(
                detectionTask,
                trainData,
                test.build(),
                new long[] {3, shorter, shorter},
                classes,
                detectionTask.options(transform, trainImages.classNames()));
    }

    /**
     * Loads g, checking that it exists, suits the method and the images (their channels; their size
     * too when {@code sameSize}: g then works on the images it was trained on).
     */
    private VqVaeDiscretizer loadDiscretizer(NDManager manager, long[] shape, boolean sameSize)
            throws IOException {
        if (dae == null) {
            throw new IllegalArgumentException(
                    "--method "
                            + method
                            + " needs a discretizer: pass --dae DIR (train one with 'djmix dae"
                            + " train')");
        }
        if (!Files.isDirectory(dae)) {
            throw new IOException(
                    "--dae " + dae + " does not exist (train it with 'djmix dae train')");
        }
        AutoencoderConfig config = AutoencoderConfig.read(dae);
        boolean plain = AutoencoderConfig.PLAIN.equals(config.architecture());
        if (method.equals(Methods.WITHOUT_QUANTISER) != plain) {
            throw new IllegalArgumentException(
                    "--dae "
                            + dae
                            + " holds a '"
                            + config.architecture()
                            + "' autoencoder; --method "
                            + method
                            + " needs "
                            + (plain ? "a VQ-VAE" : "a plain one (dae train --plain)"));
        }
        VqVaeDiscretizer g = VqVaeDiscretizer.load(dae, manager, 256);
        long[] expected = g.getConfig().imageShape().getShape();
        boolean fits = sameSize ? Arrays.equals(expected, shape) : expected[0] == shape[0];
        if (!fits) {
            g.close();
            throw new IllegalArgumentException(
                    "--dae "
                            + dae
                            + " was trained on images "
                            + Arrays.toString(expected)
                            + ", --data has "
                            + Arrays.toString(shape));
        }
        return g;
    }
}
