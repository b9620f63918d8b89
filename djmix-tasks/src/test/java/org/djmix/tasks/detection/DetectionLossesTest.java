package org.djmix.tasks.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The heads' losses and their gradients, with the garbage collector run and freed direct memory
 * reused between the forward and the backward pass (what made the detector's gradients explode at
 * random while it used DJL's {@code mul(Number)} and {@code maximum(Number)}): binary cross-entropy
 * \(\partial/\partial x = (\sigma(x) - z)/K\), smooth L1 \(\partial/\partial p = d/\beta\) inside
 * β, else sign(d).
 */
class DetectionLossesTest {

    private static final float[] X = {-3f, -0.05f, 0f, 0.02f, 0.5f, 4f};

    private static float[] gradient(Function<NDArray, NDArray> loss) throws InterruptedException {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.create(X);
            x.setRequiresGradient(true);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray y = loss.apply(x);
                List<ByteBuffer> reuse = new ArrayList<>();
                for (int round = 0; round < 3; round++) {
                    System.gc();
                    Thread.sleep(20);
                    for (int i = 0; i < 20_000; i++) {
                        reuse.add(
                                ByteBuffer.allocateDirect(4)
                                        .order(ByteOrder.nativeOrder())
                                        .putFloat(0, 7f));
                    }
                }
                collector.backward(y);
                assertThat(reuse).hasSize(60_000);
            }
            return x.getGradient().toFloatArray();
        }
    }

    @Test
    void binaryCrossEntropyAndItsGradient() throws InterruptedException {
        float[] z = {0, 1, 0, 1, 1, 0};
        try (NDManager manager = NDManager.newBaseManager()) {
            float value =
                    DetectionLosses.binaryCrossEntropy(manager.create(X), manager.create(z))
                            .getFloat();
            double expected = 0;
            for (int i = 0; i < X.length; i++) {
                double p = 1 / (1 + Math.exp(-X[i]));
                expected -= (z[i] * Math.log(p) + (1 - z[i]) * Math.log(1 - p)) / X.length;
            }
            assertThat(value).isCloseTo((float) expected, within(1e-6f));
        }
        for (int run = 0; run < 3; run++) {
            float[] g =
                    gradient(x -> DetectionLosses.binaryCrossEntropy(x, x.getManager().create(z)));
            for (int i = 0; i < X.length; i++) {
                double sigmoid = 1 / (1 + Math.exp(-X[i]));
                assertThat(g[i]).isCloseTo((float) ((sigmoid - z[i]) / X.length), within(1e-6f));
            }
        }
    }

    @Test
    void smoothL1AndItsGradient() throws InterruptedException {
        float beta = DetectionLosses.BETA;
        for (int run = 0; run < 3; run++) {
            float[] g =
                    gradient(
                            x ->
                                    DetectionLosses.smoothL1Sum(
                                            x, x.getManager().zeros(x.getShape()), beta));
            for (int i = 0; i < X.length; i++) {
                float d = X[i];
                float expected = Math.abs(d) < beta ? d / beta : Math.signum(d);
                assertThat(g[i]).as("d = %s", d).isCloseTo(expected, within(1e-5f));
            }
        }
        try (NDManager manager = NDManager.newBaseManager()) {
            float value =
                    DetectionLosses.smoothL1Sum(
                                    manager.create(X),
                                    manager.zeros(new ai.djl.ndarray.types.Shape(6)),
                                    beta)
                            .getFloat();
            double expected = 0;
            for (float d : X) {
                expected += Math.abs(d) < beta ? 0.5 * d * d / beta : Math.abs(d) - 0.5 * beta;
            }
            assertThat(value).isCloseTo((float) expected, within(1e-5f));
        }
    }
}
