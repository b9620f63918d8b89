package org.djmix.core.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.loss.Loss;
import org.djmix.core.TaskOutputs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DJMixLossTest {

    private NDManager manager;
    private NDArray mixedLogits;
    private NDArray cleanLogits;
    private NDList labels;

    @BeforeEach
    void setUp() {
        manager = NDManager.newBaseManager();
        mixedLogits = manager.create(new float[] {0, 0}, new Shape(1, 2));
        cleanLogits = manager.create(new float[] {(float) Math.log(3), 0}, new Shape(1, 2));
        labels = new NDList(manager.create(new float[] {0}));
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    private static double crossEntropy(double probabilityOfLabel) {
        return -Math.log(probabilityOfLabel);
    }

    @Test
    void trainingLossIsTaskLossOnMixedViewPlusGammaTimesJs() {
        DJMixLoss loss =
                DJMixLoss.builder().setTaskLoss(Loss.softmaxCrossEntropyLoss()).optGamma(2).build();
        float value = loss.evaluate(labels, new NDList(mixedLogits, cleanLogits)).getFloat();
        double js = 0.03382207556860525;
        assertThat((double) value).isCloseTo(crossEntropy(0.5) + 2 * js, within(1e-5));
    }

    @Test
    void cleanLossAblationPutsTheTaskLossOnTheCleanView() {
        DJMixLoss loss =
                DJMixLoss.builder()
                        .setTaskLoss(Loss.softmaxCrossEntropyLoss())
                        .optTaskView(1)
                        .build();
        float value = loss.evaluate(labels, new NDList(mixedLogits, cleanLogits)).getFloat();
        assertThat((double) value)
                .isCloseTo(crossEntropy(0.75) + 0.03382207556860525, within(1e-5));
    }

    @Test
    void validationPredictionsGetTheTaskLossAlone() {
        DJMixLoss loss = DJMixLoss.builder().setTaskLoss(Loss.softmaxCrossEntropyLoss()).build();
        float value = loss.evaluate(labels, new NDList(cleanLogits)).getFloat();
        assertThat((double) value).isCloseTo(crossEntropy(0.75), within(1e-5));
    }

    @Test
    void consistencyInputPicksWhichOutputIsCompared() {
        NDArray auxiliary = manager.create(new float[] {5, -5}, new Shape(1, 2));
        Loss crossEntropyOnFirstOutput =
                new Loss("CrossEntropyOnFirstOutput") {
                    private final Loss crossEntropy = Loss.softmaxCrossEntropyLoss();

                    @Override
                    public NDArray evaluate(NDList labels, NDList predictions) {
                        return crossEntropy.evaluate(labels, new NDList(predictions.head()));
                    }
                };
        DJMixLoss loss =
                DJMixLoss.builder()
                        .setTaskLoss(crossEntropyOnFirstOutput)
                        .optTaskOutputs(new TaskOutputs(2, outputs -> outputs.get(1)))
                        .build();
        // the compared (second) outputs are equal, so only the task loss remains
        float value =
                loss.evaluate(labels, new NDList(mixedLogits, auxiliary, cleanLogits, auxiliary))
                        .getFloat();
        assertThat((double) value).isCloseTo(crossEntropy(0.5), within(1e-5));
    }

    @Test
    void wrongPredictionCountAndBadSettingsAreNamed() {
        DJMixLoss loss = DJMixLoss.builder().setTaskLoss(Loss.softmaxCrossEntropyLoss()).build();
        assertThatThrownBy(
                        () ->
                                loss.evaluate(
                                        labels, new NDList(mixedLogits, cleanLogits, cleanLogits)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expects 2 predictions in training")
                .hasMessageContaining("got 3");
        assertThatThrownBy(() -> DJMixLoss.builder().build())
                .hasMessageContaining("taskLoss must be set");
        assertThatThrownBy(
                        () -> DJMixLoss.builder().setTaskLoss(Loss.l2Loss()).optGamma(-1).build())
                .hasMessageContaining("gamma must be finite and >= 0, got -1.0");
        assertThatThrownBy(
                        () -> DJMixLoss.builder().setTaskLoss(Loss.l2Loss()).optTaskView(2).build())
                .hasMessageContaining("taskView must be in [0, 1], got 2");
    }
}
