package org.djmix.core.method;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.evaluator.Accuracy;
import ai.djl.training.listener.TrainingListener;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.Random;
import org.djmix.core.Discretizer;

/**
 * A toy task for end-to-end checks: 1×8×8 images, class 0 when the left half is the brighter, class
 * 1 when the right half is, with noise; a small conv net; a 4-level quantiser as \(g\).
 */
final class ToyProblem {

    static final Shape IMAGE = new Shape(1, 8, 8);

    private ToyProblem() {}

    /** \(g(x) = \lfloor 4x \rfloor / 4\): a real (if crude) discretization of the image. */
    static Discretizer quantiser() {
        return images -> images.mul(4).floor().clip(0, 3).div(4).stopGradient();
    }

    static ArrayDataset dataset(NDManager manager, int size, long seed, int batch) {
        Random random = new Random(seed);
        float[] images = new float[size * 64];
        float[] labels = new float[size];
        for (int i = 0; i < size; i++) {
            int label = random.nextInt(2);
            labels[i] = label;
            for (int y = 0; y < 8; y++) {
                for (int x = 0; x < 8; x++) {
                    boolean bright = (x < 4) == (label == 0);
                    float v = (bright ? 0.65f : 0.35f) + (float) random.nextGaussian() * 0.15f;
                    images[i * 64 + y * 8 + x] = Math.min(1, Math.max(0, v));
                }
            }
        }
        NDArray x = manager.create(images, new Shape(size, 1, 8, 8));
        NDArray y = manager.create(labels, new Shape(size));
        return new ArrayDataset.Builder().setData(x).optLabels(y).setSampling(batch, true).build();
    }

    static Block network() {
        return new SequentialBlock()
                .add(
                        Conv2d.builder()
                                .setKernelShape(new Shape(3, 3))
                                .optPadding(new Shape(1, 1))
                                .setFilters(8)
                                .build())
                .add(Activation::relu)
                .add(Pool.maxPool2dBlock(new Shape(2, 2)))
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(2).build());
    }

    /** A model whose block is the method's training block, and its trainer, initialised. */
    static Trainer trainer(Model model, Method method, float learningRate, int batch) {
        Engine.getInstance().setRandomSeed(1234);
        model.setBlock(method.trainingBlock(network()));
        DefaultTrainingConfig config =
                new DefaultTrainingConfig(method.trainingLoss(Loss.softmaxCrossEntropyLoss()))
                        .optOptimizer(
                                Optimizer.sgd()
                                        .setLearningRateTracker(Tracker.fixed(learningRate))
                                        .optMomentum(0.9f)
                                        .build())
                        .addEvaluator(new Accuracy())
                        .addTrainingListeners(TrainingListener.Defaults.basic());
        Trainer trainer = model.newTrainer(config);
        trainer.initialize(new Shape(batch, 1, 8, 8));
        return trainer;
    }

    static MethodOptions options() {
        return MethodOptions.builder().setDiscretizer(quantiser()).optSeed(7).build();
    }
}
