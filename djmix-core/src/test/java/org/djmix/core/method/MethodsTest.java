package org.djmix.core.method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.dataset.Batch;
import ai.djl.training.loss.Loss;
import org.djmix.core.DJMixBlock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MethodsTest {

    static Iterable<String> names() {
        return Methods.NAMES;
    }

    @ParameterizedTest
    @MethodSource("names")
    void everyMethodTrainsAStepAndIsTheModelInInference(String name) throws Exception {
        Method method = Methods.create(name, ToyProblem.options());
        assertThat(method.name()).isEqualTo(name);
        try (NDManager data = NDManager.newBaseManager();
                Model model = Model.newInstance(name);
                Trainer trainer = ToyProblem.trainer(model, method, 0.05f, 8)) {
            ArrayDataset dataset = ToyProblem.dataset(data, 16, 1, 8);
            for (Batch batch : trainer.iterateDataset(dataset)) {
                try (batch;
                        GradientCollector collector = trainer.newGradientCollector()) {
                    NDList predictions = trainer.forward(batch.getData(), batch.getLabels());
                    int expected =
                            switch (name) {
                                case "baseline" -> 1;
                                case "mixup" -> 3;
                                case "augmix", "augmix-nogt" -> 3;
                                default -> 2;
                            };
                    assertThat(predictions).hasSize(expected);
                    float loss =
                            trainer.getLoss().evaluate(batch.getLabels(), predictions).getFloat();
                    assertThat(loss).isFinite().isPositive();
                    collector.backward(trainer.getLoss().evaluate(batch.getLabels(), predictions));
                    trainer.step();
                    NDList inference = trainer.evaluate(batch.getData());
                    assertThat(inference).hasSize(1);
                }
            }
        }
    }

    @Test
    void consistencyMethodsCarryTheirWeightAndViews() {
        MethodOptions options = ToyProblem.options();
        Loss djmix = Methods.create("djmix", options).trainingLoss(Loss.softmaxCrossEntropyLoss());
        Loss augmix =
                Methods.create("augmix", options).trainingLoss(Loss.softmaxCrossEntropyLoss());
        assertThat(djmix.getName()).isEqualTo("djmix");
        assertThat(augmix.getName()).isEqualTo("augmix");
        assertThat(Methods.create("djmix", options).trainingBlock(ToyProblem.network()))
                .isInstanceOf(DJMixBlock.class);
        assertThat(Methods.create("mixup", options).trainingBlock(ToyProblem.network()))
                .isInstanceOf(MixupBlock.class);
    }

    @Test
    void unknownNamesAndMissingDiscretizersAreNamed() {
        assertThatThrownBy(() -> Methods.create("cutmix", ToyProblem.options()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown method 'cutmix'")
                .hasMessageContaining("djmix-nomix");
        MethodOptions noDiscretizer = MethodOptions.builder().build();
        assertThatThrownBy(() -> Methods.create("djmix-ra", noDiscretizer))
                .hasMessageContaining("method 'djmix-ra' needs a discretizer g");
        assertThat(Methods.create("augmix", noDiscretizer).name()).isEqualTo("augmix");
        assertThatThrownBy(() -> MethodOptions.builder().optGamma(Float.NaN).build())
                .hasMessageContaining("gamma must be finite and >= 0");
    }
}
