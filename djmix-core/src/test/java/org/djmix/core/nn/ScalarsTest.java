package org.djmix.core.nn;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * Gradients through a multiplication and a division by a number, with the garbage collector run and
 * freed direct memory reused between the forward and the backward pass: the scale must be the
 * number's, however the freed memory is reused.
 */
class ScalarsTest {

    /** Backpropagates op(x, 0.25) for x = ones, after a collection and a reuse of direct memory. */
    private static float[] gradientAfterGarbageCollection(BiFunction<NDArray, Double, NDArray> op)
            throws InterruptedException {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.ones(new Shape(8));
            x.setRequiresGradient(true);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray y = op.apply(x, 0.25).sum();
                List<ByteBuffer> reuse = new ArrayList<>();
                for (int round = 0; round < 3; round++) {
                    System.gc();
                    Thread.sleep(20); // the JDK's cleaner frees unreachable direct buffers
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
    void aProductKeepsItsScaleInTheBackwardPass() throws InterruptedException {
        for (int run = 0; run < 5; run++) {
            assertThat(gradientAfterGarbageCollection(Scalars::mul)).containsOnly(0.25f);
        }
    }

    @Test
    void aQuotientKeepsItsScaleInTheBackwardPass() throws InterruptedException {
        for (int run = 0; run < 5; run++) {
            assertThat(gradientAfterGarbageCollection(Scalars::div)).containsOnly(4f);
        }
    }

    @Test
    void djlsProductByANumberLosesItsScale() throws InterruptedException {
        boolean wrong = false;
        for (int run = 0; run < 20 && !wrong; run++) {
            float[] gradient = gradientAfterGarbageCollection((x, c) -> x.mul(c.floatValue()));
            wrong = gradient[0] != 0.25f;
        }
        assertThat(wrong)
                .as("if DJL keeps the number alive now, Scalars can go (docs/design.md)")
                .isTrue();
    }
}
