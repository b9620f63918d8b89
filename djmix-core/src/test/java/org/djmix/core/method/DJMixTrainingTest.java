package org.djmix.core.method;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.EasyTrain;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.TrainingResult;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.dataset.Batch;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** DJMix end to end on the toy problem, inside DJL's own training loop. */
class DJMixTrainingTest {

    @Test
    void fortyStepsOfDJMixLowerTheLoss() throws Exception {
        Method djmix = Methods.create("djmix", ToyProblem.options());
        List<Float> losses = new ArrayList<>();
        try (NDManager data = NDManager.newBaseManager();
                Model model = Model.newInstance("djmix");
                Trainer trainer = ToyProblem.trainer(model, djmix, 0.05f, 16)) {
            ArrayDataset dataset = ToyProblem.dataset(data, 160, 2, 16);
            while (losses.size() < 40) {
                for (Batch batch : trainer.iterateDataset(dataset)) {
                    try (batch;
                            GradientCollector collector = trainer.newGradientCollector()) {
                        NDList predictions = trainer.forward(batch.getData(), batch.getLabels());
                        NDArray loss = trainer.getLoss().evaluate(batch.getLabels(), predictions);
                        losses.add(loss.getFloat());
                        collector.backward(loss);
                        trainer.step();
                    }
                }
            }
        }
        double first =
                losses.subList(0, 10).stream()
                        .mapToDouble(Float::doubleValue)
                        .average()
                        .orElseThrow();
        double last =
                losses.subList(30, 40).stream()
                        .mapToDouble(Float::doubleValue)
                        .average()
                        .orElseThrow();
        assertThat(last).isLessThan(0.6 * first);
    }

    @Test
    void easyTrainFitRunsDJMixWithEvaluatorsAndValidationUnchanged() throws Exception {
        Method djmix = Methods.create("djmix", ToyProblem.options());
        try (NDManager data = NDManager.newBaseManager();
                Model model = Model.newInstance("djmix");
                Trainer trainer = ToyProblem.trainer(model, djmix, 0.05f, 16)) {
            ArrayDataset train = ToyProblem.dataset(data, 320, 3, 16);
            ArrayDataset validation = ToyProblem.dataset(data, 160, 4, 16);
            EasyTrain.fit(trainer, 3, train, validation);
            TrainingResult result = trainer.getTrainingResult();
            assertThat(result.getValidateEvaluation("Accuracy")).isGreaterThan(0.9f);
            assertThat(result.getValidateLoss()).isFinite().isPositive();
        }
    }

    @Test
    void threeHundredStepsKeepTheLiveArrayCountFlat() throws Exception {
        Method djmix = Methods.create("djmix", ToyProblem.options());
        try (NDManager data = NDManager.newBaseManager();
                Model model = Model.newInstance("djmix");
                Trainer trainer = ToyProblem.trainer(model, djmix, 0.05f, 16)) {
            ArrayDataset dataset = ToyProblem.dataset(data, 160, 5, 16);
            int steps = 0;
            int afterWarmUp = -1;
            while (steps < 300) {
                for (Batch batch : trainer.iterateDataset(dataset)) {
                    try (batch) {
                        EasyTrain.trainBatch(trainer, batch);
                        trainer.step();
                    }
                    steps++;
                    if (steps == 20) {
                        afterWarmUp = liveArrays(model, data);
                    }
                }
            }
            assertThat(afterWarmUp).isPositive();
            assertThat(liveArrays(model, data)).isEqualTo(afterWarmUp);
            // the count sees arrays left on any sub-manager, so a per-step leak would show
            NDManager leak = trainer.getManager().newSubManager();
            leak.create(1f);
            assertThat(liveArrays(model, data)).isEqualTo(afterWarmUp + 1);
        }
    }

    private static int liveArrays(Model model, NDManager data) {
        return model.getNDManager().getManagedArrays().size() + data.getManagedArrays().size();
    }
}
