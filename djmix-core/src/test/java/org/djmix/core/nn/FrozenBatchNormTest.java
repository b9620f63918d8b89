package org.djmix.core.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

/** Frozen BatchNorm normalises with its stored statistics in training too, and learns nothing. */
class FrozenBatchNormTest {

    @Test
    void normalisesWithTheStoredStatisticsInTrainingAndInference() {
        try (NDManager manager = NDManager.newBaseManager()) {
            FrozenBatchNorm norm = new FrozenBatchNorm();
            norm.initialize(manager, DataType.FLOAT32, new Shape(2, 2, 3, 3));
            var parameters = norm.getParameters();
            parameters.get("gamma").getArray().set(new float[] {2, 0.5f});
            parameters.get("beta").getArray().set(new float[] {1, -1});
            parameters.get("runningMean").getArray().set(new float[] {3, 0});
            parameters.get("runningVar").getArray().set(new float[] {4, 1});
            NDArray x = manager.arange(36f).reshape(2, 2, 3, 3);
            x.setRequiresGradient(true);
            ParameterStore store = new ParameterStore(manager, false);
            NDArray inference = norm.forward(store, new NDList(x), false).head();
            NDArray trained;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                trained = norm.forward(store, new NDList(x), true).head();
                collector.backward(trained.sum());
            }
            float eps = 1e-5f;
            float scale0 = 2 / (float) Math.sqrt(4 + eps);
            float scale1 = 0.5f / (float) Math.sqrt(1 + eps);
            // channel 0 of image 0 holds 0..8, channel 1 holds 9..17
            assertThat(inference.getFloat(0, 0, 0, 0))
                    .isCloseTo((0 - 3) * scale0 + 1, within(1e-5f));
            assertThat(inference.getFloat(0, 1, 0, 1))
                    .isCloseTo((10 - 0) * scale1 - 1, within(1e-5f));
            assertThat(trained.toFloatArray()).containsExactly(inference.toFloatArray());
            assertThat(x.getGradient().getFloat(1, 0, 2, 2)).isCloseTo(scale0, within(1e-6f));
            assertThat(parameters.get("gamma").requiresGradient()).isFalse();
            assertThat(parameters.get("runningVar").getArray().toFloatArray())
                    .containsExactly(4, 1);
        }
    }
}
