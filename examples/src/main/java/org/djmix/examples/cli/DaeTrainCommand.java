package org.djmix.examples.cli;

import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.RandomAccessDataset;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.djmix.tasks.data.DataSpec;
import org.djmix.tasks.data.ImageDataset;
import org.djmix.tasks.data.ImageFolderDataset;
import org.djmix.tasks.data.ImageNetAugmentation;
import org.djmix.tasks.detection.DetectionData;
import org.djmix.tasks.detection.DetectionSource;
import org.djmix.tasks.segmentation.JointTransform;
import org.djmix.tasks.segmentation.SegmentationData;
import org.djmix.tasks.segmentation.SegmentationDataset;
import org.djmix.tasks.segmentation.SegmentationSource;
import org.djmix.vqvae.ConvAutoencoder;
import org.djmix.vqvae.EpochMetrics;
import org.djmix.vqvae.PlainAutoencoder;
import org.djmix.vqvae.VqVae;
import org.djmix.vqvae.VqVaeTrainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code djmix dae train}: pre-trains the discretizing autoencoder g on a dataset. */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        description = "Pre-train the VQ-VAE g (minimise ||g(x) - x||^2) and save it to --out.")
public final class DaeTrainCommand implements Callable<Integer> {

    @Mixin private ThreadsOption threads;

    @Spec private CommandSpec spec;

    @Mixin private DataOption data;

    @Option(
            names = "--epochs",
            defaultValue = "3",
            description = "epochs (default ${DEFAULT-VALUE})")
    private int epochs;

    @Option(
            names = "--crop",
            defaultValue = "128",
            description =
                    "segmentation, detection and imagenet: data: train g on random crops of this"
                            + " side (default ${DEFAULT-VALUE}; for imagenet: random resized crops,"
                            + " as f sees them, streamed); g then applies to images of any size")
    private int crop;

    @Option(names = "--out", required = true, description = "output directory (the saved model)")
    private Path out;

    @Option(
            names = "--batch",
            defaultValue = "128",
            description = "batch size (default ${DEFAULT-VALUE})")
    private int batch;

    @Mixin private SeedOption seedOption;

    @Option(names = "--train-limit", description = "use only the first N training images")
    private Integer trainLimit;

    @Mixin private TestLimitOption testLimit;

    @Option(
            names = "--commitment",
            defaultValue = "0.25",
            description = "commitment cost beta (default ${DEFAULT-VALUE})")
    private float commitment;

    @Option(
            names = "--lr",
            defaultValue = "3e-4",
            description = "Adam learning rate (default ${DEFAULT-VALUE})")
    private float learningRate;

    @Option(
            names = "--plain",
            description =
                    "train the ablation's autoencoder without quantiser (for --method"
                            + " djmix-noquant)")
    private boolean plain;

    @Option(
            names = "--hidden",
            defaultValue = "128",
            description = "hidden channels h of encoder and decoder (default ${DEFAULT-VALUE})")
    private int hidden;

    @Option(
            names = "--revival-interval",
            defaultValue = "100",
            description =
                    "re-seed codes unused for this many updates from encoder outputs; 0: never"
                            + " (default ${DEFAULT-VALUE})")
    private int revivalInterval;

    @Option(names = "--resume", description = "continue after the last complete epoch in --out")
    private boolean resume;

    @Override
    public Integer call() throws Exception {
        NativeSetup.prepare();
        VqVaeTrainer trainer =
                VqVaeTrainer.builder()
                        .optEpochs(epochs)
                        .optBatchSize(batch)
                        .optSeed(seedOption.value())
                        .optLearningRate(learningRate)
                        .optResume(resume)
                        .build();
        // the trainer draws its own batches (shuffled for training, in order for testing)
        RandomAccessDataset train;
        RandomAccessDataset test;
        Shape imageShape;
        if (data.isSegmentation()) {
            SegmentationData spec = data.segmentation();
            train = crops(spec.train(), trainLimit, seedOption.value());
            test = crops(spec.validation(), testLimit.value(), seedOption.value());
            imageShape = new Shape(3, crop, crop);
        } else if (data.isDetection()) {
            DetectionData spec = data.detection();
            DetectionSource images = spec.train();
            int classes = images.classNames().size();
            train =
                    crops(
                            SegmentationSource.unlabelled(images, classes),
                            trainLimit,
                            seedOption.value());
            test =
                    crops(
                            SegmentationSource.unlabelled(spec.test(), classes),
                            testLimit.value(),
                            seedOption.value());
            imageShape = new Shape(3, crop, crop);
        } else if (data.spec().isStreamed()) {
            DataSpec spec = data.spec();
            ImageFolderDataset.Builder images =
                    spec.stream(true)
                            .setAugmentation(ImageNetAugmentation.training(crop))
                            .optSeed(seedOption.value())
                            .setSampling(1, false);
            ImageFolderDataset.Builder held =
                    spec.stream(false)
                            .setAugmentation(ImageNetAugmentation.evaluation(crop))
                            .setSampling(1, false);
            if (trainLimit != null) {
                images.optLimit(trainLimit);
            }
            if (testLimit.value() != null) {
                held.optLimit(testLimit.value());
            }
            train = images.build();
            test = held.build();
            imageShape = new Shape(3, crop, crop);
        } else {
            DataSpec spec = data.spec();
            ImageDataset images = spec.read(true, trainLimit).setSampling(1, false).build();
            train = images;
            test = spec.read(false, testLimit.value()).setSampling(1, false).build();
            imageShape = images.getImageShape();
        }
        int channels = (int) imageShape.get(0);
        ConvAutoencoder autoencoder =
                plain
                        ? PlainAutoencoder.builder()
                                .setChannels(channels)
                                .optHiddenChannels(hidden)
                                .build()
                        : VqVae.builder()
                                .setChannels(channels)
                                .optHiddenChannels(hidden)
                                .optQuantizer(
                                        VqVae.defaultQuantizer()
                                                .optCommitment(commitment)
                                                .optRevivalInterval(revivalInterval)
                                                .optSeed(seedOption.value()))
                                .build();
        List<EpochMetrics> history = trainer.train(autoencoder, train, test, imageShape, out);
        EpochMetrics last = history.get(history.size() - 1);
        this.spec
                .commandLine()
                .getOut()
                .printf(
                        "saved %s: epoch %d, test MSE %.5f%s%n",
                        out,
                        last.epoch(),
                        last.testMse(),
                        last.codesUsed() == null
                                ? ""
                                : String.format(
                                        ", perplexity %.1f, %d codes in use",
                                        last.perplexity(), last.codesUsed()));
        return 0;
    }

    /**
     * Random crops of --crop pixels at the images' own scale, flipped at random, read from disk as
     * the batches need them (new crops every epoch; the test crops stay fixed).
     */
    private SegmentationDataset crops(SegmentationSource source, Integer limit, long seed) {
        SegmentationDataset.Builder builder =
                SegmentationDataset.builder()
                        .setSource(source)
                        .optTransform(new JointTransform(crop, 1, 1), seed)
                        .setSampling(1, false);
        if (limit != null) {
            builder.optLimit(limit);
        }
        return builder.build();
    }
}
