package org.djmix.vqvae;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.BatchSampler;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.dataset.RandomSampler;
import ai.djl.training.dataset.SequenceSampler;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.listener.EvaluatorTrainingListener;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import com.google.gson.reflect.TypeToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.djmix.core.training.CheckpointListener;
import org.djmix.core.training.EpochAware;
import org.djmix.core.training.EpochOrderListener;
import org.djmix.core.training.EpochProgressListener;
import org.djmix.core.training.FiniteLossListener;
import org.djmix.core.training.LiveParameters;
import org.djmix.core.training.MemoryTrimListener;
import org.djmix.core.training.RunJson;
import org.djmix.core.training.TrainingLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pre-trains the discretizing autoencoder \(g\) to minimise \(\|g(x) - x\|^2\) + commitment, with
 * Adam (lr 3e-4) and the EMA codebook update after every backward. After every epoch it measures
 * the test set (reconstruction MSE, code perplexity, codes in use) and saves the model with its
 * {@code metrics.json} into the output directory (temp + rename), which is both the checkpoint and
 * the result. {@code resume} continues after the last complete epoch found there: parameters are
 * restored, Adam's moments start afresh. The loop is djmix's {@link TrainingLoop} (DJL's EasyTrain)
 * with the {@link CodebookUpdateListener}; training images are shuffled, test images are not.
 */
public final class VqVaeTrainer {

    private static final Logger logger = LoggerFactory.getLogger(VqVaeTrainer.class);
    private static final String METRICS = "metrics.json";
    private static final String VALIDATE = "validate_";

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
     * @param train training images (the first data array of each record; labels are ignored), drawn
     *     in shuffled batches of {@link #getBatchSize()}
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
        List<EpochMetrics> history =
                resume && Files.isRegularFile(out.resolve(METRICS)) ? readMetrics(out) : List.of();
        int first = history.size() + 1;
        VectorQuantizer quantizer =
                autoencoder instanceof VqVae vqvae ? vqvae.getQuantizer() : null;
        EvaluatorTrainingListener evaluations = new EvaluatorTrainingListener();
        CheckpointListener<EpochMetrics> checkpoints =
                new CheckpointListener<>(
                        out,
                        history,
                        evaluations,
                        (epoch, values, seconds) ->
                                new EpochMetrics(
                                        epoch,
                                        values.get("train_loss"),
                                        values.get(VALIDATE + ReconstructionError.NAME),
                                        quantizer == null
                                                ? null
                                                : (double)
                                                        values.get(VALIDATE + CodeUsage.PERPLEXITY),
                                        quantizer == null
                                                ? null
                                                : Math.round(
                                                        values.get(
                                                                VALIDATE + CodeUsage.CODES_IN_USE)),
                                        seconds),
                        (epoch, epochs) ->
                                AutoencoderDirectory.save(
                                        autoencoder,
                                        imageShape,
                                        seed,
                                        out,
                                        Map.of(METRICS, RunJson.GSON.toJson(epochs))));
        DefaultTrainingConfig config =
                new DefaultTrainingConfig(new VqVaeLoss())
                        .optOptimizer(
                                Optimizer.adam()
                                        .optLearningRateTracker(Tracker.fixed(learningRate))
                                        .build())
                        .optInitializer(TORCH_DEFAULT_WEIGHTS, Parameter.Type.WEIGHT)
                        .addEvaluator(new ReconstructionError())
                        .addTrainingListeners(
                                evaluations,
                                new FiniteLossListener(
                                        out, first, (train.size() + batchSize - 1) / batchSize));
        if (quantizer != null) {
            config.addEvaluator(CodeUsage.perplexity())
                    .addEvaluator(CodeUsage.codesInUse())
                    .addTrainingListeners(new CodebookUpdateListener(quantizer));
        }
        if (train instanceof EpochAware drawsPerEpoch) {
            config.addTrainingListeners(new EpochOrderListener(first, drawsPerEpoch));
        }
        config.addTrainingListeners(
                new EpochProgressListener("VQ-VAE", train.size(), first),
                new MemoryTrimListener(),
                checkpoints);
        try (Model model = Model.newInstance("vqvae")) {
            model.setBlock(autoencoder);
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(batchSize).addAll(imageShape));
                if (first > 1) {
                    try (NDManager scratch = model.getNDManager().newSubManager()) {
                        LiveParameters.copy(
                                AutoencoderDirectory.load(out, scratch).autoencoder(), autoencoder);
                    }
                    logger.info("resuming after epoch {} from {}", history.size(), out);
                }
                TrainingLoop.fit(
                        trainer,
                        ImagesAsTargets.of(
                                train, new BatchSampler(new RandomSampler(), batchSize, false)),
                        ImagesAsTargets.of(
                                test, new BatchSampler(new SequenceSampler(), batchSize, false)),
                        first,
                        epochs);
            }
        }
        return checkpoints.getHistory();
    }

    /**
     * Returns the batch size of training and testing.
     *
     * @return the batch size
     */
    public int getBatchSize() {
        return batchSize;
    }

    private static List<EpochMetrics> readMetrics(Path out) throws IOException {
        Path file = out.resolve(METRICS);
        try {
            List<EpochMetrics> metrics =
                    RunJson.GSON.fromJson(
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

    /** Builds a {@link VqVaeTrainer}: the paper's Adam 3e-4, batch 128. */
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
