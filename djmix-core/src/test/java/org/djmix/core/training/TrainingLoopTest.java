package org.djmix.core.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.evaluator.Evaluator;
import ai.djl.training.listener.EvaluatorTrainingListener;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.djmix.core.ConsistencyInput;
import org.djmix.core.Discretizer;
import org.djmix.core.TaskOutputs;
import org.djmix.core.method.Method;
import org.djmix.core.method.MethodOptions;
import org.djmix.core.method.Methods;
import org.djmix.core.nn.ChannelAlignedConv2d;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one loop with a task that is not classification: per-pixel labels (a mask per image) and a
 * model with two outputs per view (the logits before upsampling, which the consistency term
 * compares, and the upsampled logits, which the task loss reads), trained with DJMix.
 */
class TrainingLoopTest {

    private static final int SIDE = 8;

    @TempDir Path run;

    /** Images with a bright square somewhere; the mask marks its pixels. */
    private static ArrayDataset squares(NDManager manager, int size, long seed, boolean shuffle) {
        Random random = new Random(seed);
        float[] images = new float[size * SIDE * SIDE];
        float[] masks = new float[size * SIDE * SIDE];
        for (int i = 0; i < size; i++) {
            int x0 = random.nextInt(SIDE / 2);
            int y0 = random.nextInt(SIDE / 2);
            for (int y = 0; y < SIDE; y++) {
                for (int x = 0; x < SIDE; x++) {
                    boolean inside = x >= x0 && x < x0 + 4 && y >= y0 && y < y0 + 4;
                    int p = i * SIDE * SIDE + y * SIDE + x;
                    masks[p] = inside ? 1 : 0;
                    double v = (inside ? 0.7 : 0.3) + random.nextGaussian() * 0.1;
                    images[p] = (float) Math.min(1, Math.max(0, v));
                }
            }
        }
        return new ArrayDataset.Builder()
                .setData(manager.create(images, new Shape(size, 1, SIDE, SIDE)))
                .optLabels(manager.create(masks, new Shape(size, SIDE, SIDE)))
                .setSampling(8, shuffle)
                .build();
    }

    /** (logits at half resolution, logits upsampled to the input size). */
    private static Block segmenter() {
        Block upsample =
                LambdaBlock.singleton(x -> x.repeat(2, 2).repeat(3, 2), "nearest upsampling");
        return new SequentialBlock()
                .add(conv(8))
                .add(Activation::relu)
                .add(LambdaBlock.singleton(x -> x.get(new NDIndex(":, :, ::2, ::2")), "subsample"))
                .add(conv(2))
                .add(
                        new ParallelBlock(
                                outputs ->
                                        new NDList(
                                                outputs.get(0).singletonOrThrow(),
                                                outputs.get(1).singletonOrThrow()),
                                List.of(LambdaBlock.singleton(x -> x, "logits"), upsample)));
    }

    private static Block conv(int filters) {
        return ChannelAlignedConv2d.builder()
                .setKernelShape(new Shape(3, 3))
                .optPadding(new Shape(1, 1))
                .setFilters(filters)
                .build();
    }

    /** Per-pixel cross-entropy of the upsampled logits (the second output) against the mask. */
    private static final class PixelCrossEntropy extends Loss {

        PixelCrossEntropy() {
            super("PixelCrossEntropy");
        }

        @Override
        public NDArray evaluate(NDList labels, NDList predictions) {
            NDArray logProbabilities = predictions.get(1).logSoftmax(1);
            NDArray mask = labels.head().toType(DataType.INT64, false).expandDims(1);
            return logProbabilities.gather(mask, 1).mean().neg();
        }
    }

    /** The share of pixels whose upsampled arg-max is the mask's class. */
    private static final class PixelAccuracy extends Evaluator {

        private final Map<String, long[]> counts = new java.util.concurrent.ConcurrentHashMap<>();

        PixelAccuracy() {
            super("PixelAccuracy");
        }

        @Override
        public NDArray evaluate(NDList labels, NDList predictions) {
            return correct(labels, predictions).toType(DataType.FLOAT32, false).mean();
        }

        private static NDArray correct(NDList labels, NDList predictions) {
            return predictions.get(1).argMax(1).toType(DataType.FLOAT32, false).eq(labels.head());
        }

        @Override
        public void addAccumulator(String key) {
            counts.put(key, new long[2]);
        }

        @Override
        public void updateAccumulator(String key, NDList labels, NDList predictions) {
            NDArray right = correct(labels, predictions);
            long[] count = counts.get(key);
            count[0] += right.sum().toType(DataType.INT64, false).getLong();
            count[1] += right.size();
        }

        @Override
        public void resetAccumulator(String key) {
            counts.put(key, new long[2]);
        }

        @Override
        public float getAccumulator(String key) {
            long[] count = counts.get(key);
            return (float) count[0] / count[1];
        }
    }

    private record Epoch(int epoch, double loss, double accuracy) {}

    @Test
    void trainsAPerPixelTaskWithTwoOutputsPerViewThroughDJMix() throws IOException {
        Discretizer quantiser = images -> images.mul(4).floor().clip(0, 3).div(4).stopGradient();
        Method djmix =
                Methods.create(
                        "djmix",
                        MethodOptions.builder()
                                .setDiscretizer(quantiser)
                                .optTaskOutputs(new TaskOutputs(2, ConsistencyInput.first()))
                                .optSeed(3)
                                .build());
        List<Integer> saved = new ArrayList<>();
        try (NDManager manager = NDManager.newBaseManager();
                Model model = Model.newInstance("segmenter")) {
            Engine.getInstance().setRandomSeed(5);
            model.setBlock(djmix.trainingBlock(segmenter()));
            EvaluatorTrainingListener evaluations = new EvaluatorTrainingListener();
            CheckpointListener<Epoch> checkpoints =
                    new CheckpointListener<>(
                            run,
                            List.of(),
                            evaluations,
                            (epoch, values, seconds) ->
                                    new Epoch(
                                            epoch,
                                            values.get("train_loss"),
                                            values.get("validate_PixelAccuracy")),
                            (epoch, history) -> saved.add(history.size()));
            DefaultTrainingConfig config =
                    new DefaultTrainingConfig(djmix.trainingLoss(new PixelCrossEntropy()))
                            .optOptimizer(
                                    Optimizer.adam()
                                            .optLearningRateTracker(Tracker.fixed(0.02f))
                                            .build())
                            .addEvaluator(new PixelAccuracy())
                            .addTrainingListeners(
                                    evaluations, new FiniteLossListener(run, 1, 8), checkpoints);
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(8, 1, SIDE, SIDE));
                TrainingLoop.fit(
                        trainer,
                        squares(manager, 64, 1, true),
                        squares(manager, 32, 2, false),
                        1,
                        4);
            }
            List<Epoch> history = checkpoints.getHistory();
            assertThat(history).extracting(Epoch::epoch).containsExactly(1, 2, 3, 4);
            assertThat(saved).containsExactly(1, 2, 3, 4);
            assertThat(history.get(3).loss()).isLessThan(history.get(0).loss());
            assertThat(history.get(3).accuracy()).isGreaterThan(0.85);
        }
    }

    @Test
    void noEpochsLeftTrainsNothing() throws IOException {
        try (Model model = Model.newInstance("empty")) {
            model.setBlock(segmenter());
            try (Trainer trainer =
                    model.newTrainer(new DefaultTrainingConfig(new PixelCrossEntropy()))) {
                trainer.initialize(new Shape(8, 1, SIDE, SIDE));
                TrainingLoop.fit(trainer, null, null, 5, 4);
            }
        }
    }

    @Test
    void aCheckpointThatCannotBeWrittenIsAnIoError() {
        try (NDManager manager = NDManager.newBaseManager();
                Model model = Model.newInstance("segmenter")) {
            model.setBlock(segmenter());
            EvaluatorTrainingListener evaluations = new EvaluatorTrainingListener();
            DefaultTrainingConfig config =
                    new DefaultTrainingConfig(new PixelCrossEntropy())
                            .addTrainingListeners(
                                    evaluations,
                                    new CheckpointListener<>(
                                            run,
                                            List.of(),
                                            evaluations,
                                            (epoch, values, seconds) -> epoch,
                                            (epoch, history) -> {
                                                throw new IOException("disk full");
                                            }));
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(8, 1, SIDE, SIDE));
                assertThatThrownBy(
                                () ->
                                        TrainingLoop.fit(
                                                trainer,
                                                squares(manager, 16, 1, true),
                                                squares(manager, 8, 2, false),
                                                1,
                                                1))
                        .isInstanceOf(IOException.class)
                        .hasMessage("disk full");
            }
        }
    }
}
