package org.djmix.tasks.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.loss.Loss;
import ai.djl.training.tracker.Tracker;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClassificationRecipeTest {

    @Test
    void stepDecayDividesByTenAtThirtySixtyAndNinetyPerCent() {
        ClassificationRecipe recipe = new ClassificationRecipe("step", 0, 0f, true);
        Tracker rate = recipe.learningRate(0.4f, 1000, 0, 10);
        assertThat(rate.getNewValue(0)).isCloseTo(0.4f, within(1e-7f));
        assertThat(rate.getNewValue(299)).isCloseTo(0.4f, within(1e-7f));
        assertThat(rate.getNewValue(301)).isCloseTo(0.04f, within(1e-7f));
        assertThat(rate.getNewValue(599)).isCloseTo(0.04f, within(1e-7f));
        assertThat(rate.getNewValue(601)).isCloseTo(0.004f, within(1e-7f));
        assertThat(rate.getNewValue(999)).isCloseTo(0.0004f, within(1e-8f));
    }

    @Test
    void warmUpRisesLinearlyThenTheCosineStartsAtThePeak() {
        ClassificationRecipe recipe = new ClassificationRecipe("cosine", 5, 0f, true);
        // 10 epochs of 100 updates: 500 warm-up updates, then a cosine over the other 500
        Tracker rate = recipe.learningRate(1f, 1000, 0, 100);
        assertThat(rate.getNewValue(0)).isCloseTo(0.01f, within(1e-6f));
        assertThat(rate.getNewValue(250)).isCloseTo(0.505f, within(1e-3f));
        assertThat(rate.getNewValue(500)).isCloseTo(1f, within(1e-6f));
        assertThat(rate.getNewValue(750)).isCloseTo(0.5f, within(1e-3f));
        assertThat(rate.getNewValue(1000)).isCloseTo(0f, within(1e-6f));
    }

    @Test
    void thePaperRecipeIsStoredAsNoOptionsAndOthersRoundTrip() {
        assertThat(ClassificationRecipe.paper().options()).isEmpty();
        assertThat(ClassificationRecipe.fromOptions(java.util.Map.of()))
                .isEqualTo(ClassificationRecipe.paper());
        ClassificationRecipe imageNet = new ClassificationRecipe("cosine", 5, 0.1f, false);
        assertThat(ClassificationRecipe.fromOptions(imageNet.options())).isEqualTo(imageNet);
        assertThatThrownBy(() -> new ClassificationRecipe("linear", 0, 0f, true))
                .hasMessageContaining("unknown schedule 'linear'");
    }

    @Test
    void labelSmoothingMatchesTheDefinition() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray logits =
                    manager.create(new float[] {2f, 0f, -1f, 0.5f, 0.5f, 3f}, new Shape(2, 3));
            NDArray labels = manager.create(new float[] {0f, 2f});
            float epsilon = 0.2f;
            float expected = 0;
            float[] l = logits.toFloatArray();
            int[] y = {0, 2};
            for (int n = 0; n < 2; n++) {
                double z = 0;
                for (int k = 0; k < 3; k++) {
                    z += Math.exp(l[3 * n + k]);
                }
                double uniform = 0;
                for (int k = 0; k < 3; k++) {
                    uniform += -(l[3 * n + k] - Math.log(z)) / 3;
                }
                expected +=
                        (float)
                                        ((1 - epsilon) * -(l[3 * n + y[n]] - Math.log(z))
                                                + epsilon * uniform)
                                / 2;
            }
            NDArray smoothed =
                    new LabelSmoothingLoss(epsilon)
                            .evaluate(new NDList(labels), new NDList(logits));
            assertThat(smoothed.getFloat()).isCloseTo(expected, within(1e-5f));
            NDArray plain =
                    new LabelSmoothingLoss(0f).evaluate(new NDList(labels), new NDList(logits));
            NDArray djl =
                    Loss.softmaxCrossEntropyLoss().evaluate(new NDList(labels), new NDList(logits));
            assertThat(plain.getFloat()).isCloseTo(djl.getFloat(), within(1e-5f));
        }
    }

    @Test
    void withoutDecayOnNormsOnlyWeightsOfConvolutionsAndDenseLayersDecay() {
        ClassificationTask task =
                new ClassificationTask(
                        "resnet-26-w16", 10, new ClassificationRecipe("step", 0, 0f, false));
        Block f = task.model();
        try (NDManager manager = NDManager.newBaseManager()) {
            f.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 32, 32));
            Set<String> undecayed = task.undecayedParameters(f);
            int weights = 0;
            for (Parameter p : f.getParameters().values()) {
                if (!p.requiresGradient()) {
                    continue; // BatchNorm's running statistics: the optimiser never sees them
                }
                boolean decays = !undecayed.contains(p.getId());
                assertThat(decays).as(p.getName()).isEqualTo(p.getType() == Parameter.Type.WEIGHT);
                if (decays) {
                    weights++;
                    assertThat(p.getArray().getShape().dimension())
                            .as(p.getName())
                            .isGreaterThan(1);
                }
            }
            assertThat(weights).isGreaterThan(10);
            assertThat(undecayed).isNotEmpty();
            assertThat(new ClassificationTask("resnet-26-w16", 10).undecayedParameters(f))
                    .isEmpty();
        }
    }
}
