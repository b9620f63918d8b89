package org.djmix.core.training;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class NonFiniteLossExceptionTest {

    @Test
    void finiteValuesPass() {
        assertThatCode(
                        () ->
                                NonFiniteLossException.requireFinite(
                                        0.25, "training loss", "at epoch 1", Path.of("runs"), 0))
                .doesNotThrowAnyException();
    }

    @Test
    void namesTheValueThePlaceAndTheCheckpointToResumeFrom() {
        assertThatThrownBy(
                        () ->
                                NonFiniteLossException.requireFinite(
                                        Double.NaN,
                                        "training loss",
                                        "at epoch 2, step 37 of 47",
                                        Path.of("runs", "dae"),
                                        1))
                .isInstanceOf(NonFiniteLossException.class)
                .hasMessage(
                        "training loss is NaN at epoch 2, step 37 of 47: training stopped and"
                                + " wrote nothing of this epoch; the last complete checkpoint is"
                                + " epoch 1 in runs/dae; resume from it with --resume"
                                + " (optResume(true) in the API)");
    }

    @Test
    void saysWhenThereIsNoCheckpointYet() {
        assertThatThrownBy(
                        () ->
                                NonFiniteLossException.requireFinite(
                                        Double.POSITIVE_INFINITY,
                                        "test MSE",
                                        "after epoch 1",
                                        Path.of("runs"),
                                        0))
                .hasMessageEndingWith(
                        "test MSE is Infinity after epoch 1: training stopped and wrote nothing"
                                + " of this epoch; no epoch was complete, so runs holds no"
                                + " checkpoint");
    }
}
