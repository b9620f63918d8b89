package org.djmix.examples;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.Trainer;
import ai.djl.training.TrainingConfig;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.evaluator.Accuracy;
import ai.djl.training.listener.TrainingListener;
import ai.djl.training.loss.Loss;
import org.djmix.core.Discretizer;
import org.djmix.core.method.Method;
import org.djmix.core.method.MethodOptions;
import org.djmix.core.method.Methods;
import org.djmix.tasks.classification.SmallCnn;
import org.junit.jupiter.api.Test;

/** The README's "DJMix in your own DJL training loop" snippet, run on tiny data. */
class ReadmeSnippetTest {

    @Test
    void theReadmeSnippetRunsAsWritten() throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            ArrayDataset trainSet = randomSet(manager, 64);
            ArrayDataset testSet = randomSet(manager, 32);
            Discretizer myPretrainedVqVae = Discretizer.identity();
            int epochs = 1;

            // --- as in README.md (WideResNet swapped for SmallCnn, 200 epochs for 1) ---
            Block f = SmallCnn.build(10);
            Discretizer g = myPretrainedVqVae;
            Method djmix =
                    Methods.create(
                            "djmix", MethodOptions.builder().setDiscretizer(g).optSeed(42).build());
            try (Model model = Model.newInstance("wrn-28-2")) {
                model.setBlock(djmix.trainingBlock(f));
                TrainingConfig config =
                        new DefaultTrainingConfig(
                                        djmix.trainingLoss(Loss.softmaxCrossEntropyLoss()))
                                .addEvaluator(new Accuracy())
                                .addTrainingListeners(TrainingListener.Defaults.logging());
                try (Trainer trainer = model.newTrainer(config)) {
                    trainer.initialize(new Shape(16, 3, 32, 32));
                    EasyTrain.fit(trainer, epochs, trainSet, testSet);
                    assertThat(trainer.getTrainingResult().getValidateLoss()).isFinite();
                }
            }
        }
    }

    private static ArrayDataset randomSet(NDManager manager, int size) {
        return new ArrayDataset.Builder()
                .setData(manager.randomUniform(0, 1, new Shape(size, 3, 32, 32)))
                .optLabels(
                        manager.randomInteger(0, 10, new Shape(size), DataType.INT32)
                                .toType(DataType.FLOAT32, false))
                .setSampling(16, true)
                .build();
    }
}
