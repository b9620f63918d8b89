package org.djmix.benchmarks;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.Batch;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.djmix.core.Discretizer;
import org.djmix.core.platform.GlibcMalloc;
import org.djmix.tasks.classification.ClassificationTask;
import org.djmix.tasks.data.DecodeThreads;
import org.djmix.tasks.data.ImageFolderDataset;
import org.djmix.tasks.data.ImageList;
import org.djmix.tasks.data.ImageNetAugmentation;
import org.djmix.tasks.training.EpochSampler;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Whether the ImageNet loader keeps up with training: {@link #loadEpoch} reads 64 ImageNet-size
 * JPEGs (500×375, photo-like, quality 90) from disk through DJL's loader on N {@link DecodeThreads}
 * — decode, {@code RandomResizedCrop(224)}, flip, float conversion, batches of 16 — and {@link
 * #resnet50Step} is one ResNet-50 training step (forward, loss, backward, SGD) at batch 16 of
 * 224×224 (SGD 0.9, lr 0.1) on whatever device DJL picks. Images/s of the loader = 64 000 / (ms per
 * op); the step's time per image = (ms per op) / 16. The loader keeps up when its images/s exceeds
 * the step's.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
public class ImageLoaderBenchmark {

    private static final int FILES = 64;
    private static final int BATCH = 16;

    /** A folder of JPEGs and a loader over it on N threads. */
    @State(Scope.Benchmark)
    public static class Loader {

        /** Decode threads. */
        @Param({"1", "2"})
        public int threads;

        private Path folder;
        private DecodeThreads decoding;
        private ImageFolderDataset dataset;
        private NDManager manager;
        private int epoch;

        /** Writes the files and opens the loader. */
        @Setup(Level.Trial)
        public void setUp() throws IOException {
            folder = Files.createTempDirectory("djmix-loader");
            for (int i = 0; i < FILES; i++) {
                Path classFolder = Files.createDirectories(folder.resolve("c" + (i % 4)));
                Files.write(
                        classFolder.resolve("img" + i + ".JPEG"),
                        ImageDecodeBenchmark.photoLikeJpeg(500, 375, i));
            }
            decoding = DecodeThreads.start(threads);
            dataset =
                    ImageFolderDataset.builder()
                            .setImages(ImageList.listFile(folder, list(folder)))
                            .setAugmentation(ImageNetAugmentation.training(224))
                            .optSeed(1)
                            .setSampling(new EpochSampler(BATCH, 1))
                            .optPrefetchNumber(decoding.prefetch())
                            .build();
            manager = NDManager.newBaseManager();
        }

        private static Path list(Path folder) throws IOException {
            StringBuilder lines = new StringBuilder();
            for (int i = 0; i < FILES; i++) {
                lines.append("c").append(i % 4).append("/img").append(i).append(".JPEG ");
                lines.append(i % 4).append('\n');
            }
            return Files.writeString(folder.resolve("list.txt"), lines);
        }

        /** Stops the threads and deletes the files. */
        @TearDown(Level.Trial)
        public void tearDown() throws IOException {
            manager.close();
            decoding.close();
            try (var files = Files.walk(folder)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** A ResNet-50 trainer and one batch. */
    @State(Scope.Benchmark)
    public static class Step {

        private Model model;
        private Trainer trainer;
        private NDManager inputs;
        private NDArray images;
        private NDArray labels;

        /** Builds the model and a random batch on the trainer's device. */
        @Setup(Level.Trial)
        public void setUp() {
            GlibcMalloc.configure();
            Engine.getInstance().setRandomSeed(1);
            model = Model.newInstance("resnet-50");
            trainer =
                    TrainingSteps.denseTaskTrainer(
                            model,
                            new ClassificationTask("resnet-50", 1000),
                            "baseline",
                            Discretizer.identity(),
                            false,
                            0.1f);
            Shape shape = new Shape(BATCH, 3, 224, 224);
            trainer.initialize(shape);
            inputs = trainer.getManager().newSubManager();
            images = inputs.randomUniform(0, 1, shape);
            labels =
                    inputs.randomInteger(0, 1000, new Shape(BATCH), DataType.INT32)
                            .toType(DataType.FLOAT32, false);
        }

        /** Frees the trainer and the model. */
        @TearDown(Level.Trial)
        public void tearDown() {
            trainer.close();
            model.close();
        }
    }

    /**
     * Loads one epoch (64 images, 4 batches), a new augmentation each time.
     *
     * @param loader the loader
     * @return the sum of the last batch (so nothing is optimised away)
     * @throws IOException if a file cannot be read
     * @throws TranslateException if a batch cannot be made
     */
    @Benchmark
    public float loadEpoch(Loader loader) throws IOException, TranslateException {
        loader.dataset.setEpoch(++loader.epoch);
        float last = 0;
        for (Batch batch : loader.dataset.getData(loader.manager, loader.decoding.executor())) {
            try (batch) {
                last = batch.getData().head().get(0, 0, 0, 0).getFloat();
            }
        }
        return last;
    }

    /**
     * One ResNet-50 training step at batch 16.
     *
     * @param step the trainer
     * @return the step's loss
     */
    @Benchmark
    public float resnet50Step(Step step) {
        return TrainingSteps.run(step.trainer, step.inputs, step.images, step.labels);
    }
}
