package org.djmix.examples;

import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.Trainer;
import ai.djl.training.TrainingResult;
import ai.djl.training.evaluator.Accuracy;
import ai.djl.training.listener.TrainingListener;
import ai.djl.training.loss.Loss;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.nio.file.Path;
import org.djmix.core.Discretizer;
import org.djmix.core.method.Method;
import org.djmix.core.method.MethodOptions;
import org.djmix.core.method.Methods;
import org.djmix.tasks.classification.ClassificationModels;
import org.djmix.tasks.data.DataSpec;
import org.djmix.tasks.data.ImageDataset;
import org.djmix.vqvae.VqVaeDiscretizer;

/**
 * Use case: DJMix in your own DJL training loop. The method is a wrapper for your block and one for
 * your loss, so DJL's {@link EasyTrain}, listeners and evaluators stay as they are: in training the
 * block computes \(f(\tilde{x})\) and \(f(x)\) with \(\tilde{x} = \beta x + (1-\beta) g(x)\), the
 * loss is \(\ell(f(\tilde{x}), y) + \gamma\,\mathrm{JS}(f(\tilde{x}), f(x))\); in inference the
 * block is just f. Run it from the IDE with no arguments: it loads g from {@code runs/example-g}
 * (pre-training it first, as {@link PretrainG} does, if it is not there) and trains a small CNN for
 * one epoch on 6 000 Fashion-MNIST images.
 */
public final class DJMixInEasyTrain {

    private DJMixInEasyTrain() {}

    /**
     * Trains f with DJMix and prints its clean test accuracy.
     *
     * @param args none
     * @throws IOException if data or g cannot be read
     * @throws TranslateException if a batch cannot be made
     */
    public static void main(String[] args) throws IOException, TranslateException {
        Path gDirectory = PretrainG.savedOrPretrained();
        DataSpec data = DataSpec.parse(ExampleData.spec());
        ImageDataset train = data.read(true, 6_000).setSampling(64, true).build();
        ImageDataset test = data.read(false, 1_000).setSampling(256, false).build();
        try (NDManager manager = NDManager.newBaseManager();
                VqVaeDiscretizer g = VqVaeDiscretizer.load(gDirectory, manager, 256);
                Model model = Model.newInstance("djmix")) {
            TrainingResult result = fit(model, "djmix", g, train, test, 1);
            System.out.printf(
                    "DJMix, 1 epoch: clean test accuracy %.2f %%%n",
                    100 * result.getValidateEvaluation("Accuracy"));
        }
    }

    /**
     * Trains a small CNN with a method in DJL's own loop; the trained f is {@code model.getBlock()}
     * in inference.
     *
     * @param model the model to train (its block is set here)
     * @param method a name of {@link Methods#NAMES}, e.g. {@code baseline} or {@code djmix}
     * @param g the discretizer (used by the DJMix methods)
     * @param train training images, in shuffled batches
     * @param test test images
     * @param epochs how many epochs
     * @return DJL's training result (losses, accuracy)
     * @throws IOException if data cannot be read
     * @throws TranslateException if a batch cannot be made
     */
    static TrainingResult fit(
            Model model,
            String method,
            Discretizer g,
            ImageDataset train,
            ImageDataset test,
            int epochs)
            throws IOException, TranslateException {
        ExampleData.prepareNative();
        Block f = ClassificationModels.create("small-cnn", train.getNumClasses());
        Method chosen =
                Methods.create(
                        method, MethodOptions.builder().setDiscretizer(g).optSeed(42).build());
        model.setBlock(chosen.trainingBlock(f));
        DefaultTrainingConfig config =
                new DefaultTrainingConfig(chosen.trainingLoss(Loss.softmaxCrossEntropyLoss()))
                        .addEvaluator(new Accuracy())
                        .addTrainingListeners(TrainingListener.Defaults.basic());
        try (Trainer trainer = model.newTrainer(config)) {
            trainer.initialize(new Shape(64).addAll(train.getImageShape()));
            EasyTrain.fit(trainer, epochs, train, test);
            return trainer.getTrainingResult();
        }
    }
}
