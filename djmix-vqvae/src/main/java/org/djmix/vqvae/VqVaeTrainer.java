package org.djmix.vqvae;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.training.util.ProgressBar;
import ai.djl.translate.TranslateException;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.reflect.TypeToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.djmix.core.training.NonFiniteLossException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pre-trains the discretizing autoencoder \(g\) to minimise \(\|g(x) - x\|^2\) + commitment, with
 * Adam (lr 3e-4) and the EMA codebook update after every backward. After every epoch it measures
 * the test set (reconstruction MSE, code perplexity, codes in use) and saves the model with its
 * {@code metrics.json} into the output directory (temp + rename), which is both the checkpoint and
 * the result. {@code resume} continues after the last complete epoch found there: parameters are
 * restored, Adam's moments start afresh.
 */
public final class VqVaeTrainer {

    private static final Logger logger = LoggerFactory.getLogger(VqVaeTrainer.class);
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();
    private static final String METRICS = "metrics.json";

    /** PyTorch's default conv weights: Kaiming-uniform with a = √5, i.e. U(±1/√fan_in). */
    private static final XavierInitializer TORCH_DEFAULT_WEIGHTS =
            new XavierInitializer(
                    XavierInitializer.RandomType.UNIFORM, XavierInitializer.FactorType.IN, 1);

    private final int epochs;
    private final int batchSize;
    private final float learningRate;
    private final long seed;
    private final boolean resume;

    private VqVaeTrainer(Builder builder) {
        epochs = builder.epochs;
        batchSize = builder.batchSize;
        learningRate = builder.learningRate;
        seed = builder.seed;
        resume = builder.resume;
    }

    /**
     * Returns a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Trains a VQ-VAE (or the plain autoencoder of the ablation).
     *
     * @param autoencoder the network (not yet initialised)
     * @param train training images; labels are ignored; its sampler should use {@link
     *     #getBatchSize()}
     * @param test test images for the per-epoch metrics
     * @param imageShape (C, H, W) of the images
     * @param out the output directory (model, config.json, metrics.json)
     * @return the metrics of every epoch, resumed ones included
     * @throws IOException if data or output cannot be read or written
     */
    public List<EpochMetrics> train(
            ConvAutoencoder autoencoder,
            RandomAccessDataset train,
            RandomAccessDataset test,
            Shape imageShape,
            Path out)
            throws IOException {
        Engine.getInstance().setRandomSeed((int) seed);
        List<EpochMetrics> history = new ArrayList<>();
        try (Model model = Model.newInstance("vqvae")) {
            model.setBlock(autoencoder);
            DefaultTrainingConfig config =
                    new DefaultTrainingConfig(new VqVaeLoss())
                            .optOptimizer(
                                    Optimizer.adam()
                                            .optLearningRateTracker(Tracker.fixed(learningRate))
                                            .build())
                            .optInitializer(TORCH_DEFAULT_WEIGHTS, Parameter.Type.WEIGHT);
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(batchSize).addAll(imageShape));
                if (resume && Files.isRegularFile(out.resolve(METRICS))) {
                    history.addAll(readMetrics(out));
                    AutoencoderDirectory.loadParameters(out, autoencoder, model.getNDManager());
                    logger.info("resuming after epoch {} from {}", history.size(), out);
                }
                for (int epoch = history.size() + 1; epoch <= epochs; epoch++) {
                    long start = System.nanoTime();
                    double trainLoss = trainEpoch(trainer, autoencoder, train, epoch, out);
                    double seconds = (System.nanoTime() - start) / 1e9;
                    EpochMetrics metrics = measure(trainer, test, epoch, trainLoss, seconds);
                    NonFiniteLossException.requireFinite(
                            metrics.testMse(), "test MSE", "after epoch " + epoch, out, epoch - 1);
                    history.add(metrics);
                    logger.info("{}", metrics);
                    AutoencoderDirectory.save(
                            autoencoder,
                            imageShape,
                            seed,
                            out,
                            Map.of(METRICS, GSON.toJson(history)));
                }
            }
        } catch (TranslateException e) {
            throw new IOException("could not read a batch: " + e.getMessage(), e);
        }
        return history;
    }

    /**
     * Returns the batch size the datasets' samplers should use.
     *
     * @return the batch size
     */
    public int getBatchSize() {
        return batchSize;
    }

    private double trainEpoch(
            Trainer trainer,
            ConvAutoencoder autoencoder,
            RandomAccessDataset train,
            int epoch,
            Path out)
            throws IOException, TranslateException {
        ProgressBar progress = new ProgressBar("VQ-VAE epoch " + epoch, train.size(), " images");
        long steps = (train.size() + batchSize - 1) / batchSize;
        double sum = 0;
        long batches = 0;
        long seen = 0;
        for (Batch batch : trainer.iterateDataset(train)) {
            try (batch) {
                NDList images = batch.getData();
                try (GradientCollector collector = trainer.newGradientCollector()) {
                    NDList predictions = trainer.forward(images);
                    NDArray loss = trainer.getLoss().evaluate(images, predictions);
                    collector.backward(loss);
                    float value = loss.getFloat();
                    NonFiniteLossException.requireFinite(
                            value,
                            "training loss",
                            "at epoch %d, step %d of %d".formatted(epoch, batches + 1, steps),
                            out,
                            epoch - 1);
                    sum += value;
                }
                trainer.step();
                if (autoencoder instanceof VqVae vqvae) {
                    vqvae.getQuantizer().updateCodebook();
                }
                batches++;
                seen += batch.getSize();
                progress.update(seen);
            }
        }
        progress.end();
        return sum / Math.max(1, batches);
    }

    private static EpochMetrics measure(
            Trainer trainer, RandomAccessDataset test, int epoch, double trainLoss, double seconds)
            throws IOException, TranslateException {
        double squaredError = 0;
        long elements = 0;
        CodeHistogram codes = null;
        for (Batch batch : trainer.iterateDataset(test)) {
            try (batch) {
                NDArray images = batch.getData().head();
                NDList out = trainer.evaluate(batch.getData());
                squaredError += out.get(0).clip(0f, 1f).sub(images).square().sum().getFloat();
                elements += images.size();
                if (out.size() > 2) {
                    codes = codes == null ? new CodeHistogram() : codes;
                    codes.add(out.get(2).toLongArray());
                }
            }
        }
        return new EpochMetrics(
                epoch,
                trainLoss,
                squaredError / elements,
                codes == null ? null : codes.perplexity(),
                codes == null ? null : codes.used(),
                seconds);
    }

    private static List<EpochMetrics> readMetrics(Path out) throws IOException {
        Path file = out.resolve(METRICS);
        try {
            List<EpochMetrics> metrics =
                    GSON.fromJson(
                            Files.readString(file),
                            new TypeToken<List<EpochMetrics>>() {}.getType());
            if (metrics == null) {
                throw new IOException(file + " is empty");
            }
            return metrics;
        } catch (com.google.gson.JsonParseException e) {
            throw new IOException(file + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    /** Builds a {@link VqVaeTrainer}: REFERENCE §2's Adam 3e-4, batch 128. */
    public static final class Builder {

        private int epochs = 3;
        private int batchSize = 128;
        private float learningRate = 3e-4f;
        private long seed;
        private boolean resume;

        Builder() {}

        /**
         * Sets the number of epochs (default 3; the paper trains 200).
         *
         * @param epochs &gt; 0
         * @return this builder
         */
        public Builder optEpochs(int epochs) {
            this.epochs = epochs;
            return this;
        }

        /**
         * Sets the batch size (default 128).
         *
         * @param batchSize &gt; 0
         * @return this builder
         */
        public Builder optBatchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        /**
         * Sets Adam's learning rate (default 3e-4).
         *
         * @param learningRate &gt; 0
         * @return this builder
         */
        public Builder optLearningRate(float learningRate) {
            this.learningRate = learningRate;
            return this;
        }

        /**
         * Sets the seed of the initialisation and the data order (default 0).
         *
         * @param seed the seed
         * @return this builder
         */
        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Continues after the last complete epoch saved in the output directory.
         *
         * @param resume whether to resume
         * @return this builder
         */
        public Builder optResume(boolean resume) {
            this.resume = resume;
            return this;
        }

        /**
         * Builds the trainer.
         *
         * @return the trainer
         */
        public VqVaeTrainer build() {
            if (epochs <= 0) {
                throw new IllegalArgumentException("epochs must be > 0, got " + epochs);
            }
            if (batchSize <= 0) {
                throw new IllegalArgumentException("batchSize must be > 0, got " + batchSize);
            }
            if (!(learningRate > 0)) {
                throw new IllegalArgumentException("learningRate must be > 0, got " + learningRate);
            }
            return new VqVaeTrainer(this);
        }
    }
}
