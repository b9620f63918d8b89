package org.djmix.tasks.segmentation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

/** The ignore label counts for nothing, in the value and in the gradient. */
class SegmentationLossTest {

    @Test
    void ignoredPixelsHaveNoLossAndNoGradient() {
        try (NDManager manager = NDManager.newBaseManager()) {
            // one image, 2 classes, 1×3 pixels; labels 1, 255, 0
            NDArray logits = manager.create(new float[] {2, 5, -1, 0, 1, 3}, new Shape(1, 2, 1, 3));
            logits.setRequiresGradient(true);
            NDArray mask = manager.create(new float[] {1, 255, 0}, new Shape(1, 1, 3));
            NDArray loss;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                loss = new SegmentationLoss().evaluate(new NDList(mask), new NDList(logits));
                collector.backward(loss);
            }
            // pixel 0: −log softmax(2, 0)[1]; pixel 2: −log softmax(−1, 3)[0]; mean of the two
            double p0 = Math.log(1 + Math.exp(2));
            double p2 = Math.log(1 + Math.exp(4));
            assertThat(loss.getFloat()).isCloseTo((float) ((p0 + p2) / 2), within(1e-5f));
            float[] gradient = logits.getGradient().toFloatArray();
            // layout (class, pixel): the ignored pixel 1 gets no gradient in either class
            assertThat(gradient[1]).isZero();
            assertThat(gradient[4]).isZero();
            double s0 = 1 / (1 + Math.exp(-2));
            assertThat(gradient[0]).isCloseTo((float) (s0 / 2), within(1e-6f));
            // class 1 at pixel 0 is the label: softmax − 1 = (1 − s0) − 1
            assertThat(gradient[3]).isCloseTo((float) (-s0 / 2), within(1e-6f));
        }
    }

    @Test
    void theAuxiliaryHeadAddsHalfItsLossAndAnAllIgnoredBatchCostsZero() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray logits = manager.create(new float[] {0, 1}, new Shape(1, 2, 1, 1));
            NDArray aux = manager.create(new float[] {3, 0}, new Shape(1, 2, 1, 1));
            NDArray head = manager.zeros(new Shape(1, 2, 1, 1));
            NDArray mask = manager.create(new float[] {1}, new Shape(1, 1, 1));
            float main =
                    new SegmentationLoss()
                            .evaluate(new NDList(mask), new NDList(logits))
                            .getFloat();
            float both =
                    new SegmentationLoss()
                            .evaluate(new NDList(mask), new NDList(logits, head, aux))
                            .getFloat();
            double auxLoss = Math.log(1 + Math.exp(3));
            assertThat(both - main).isCloseTo((float) (0.5 * auxLoss), within(1e-5f));
            NDArray ignored = manager.create(new float[] {255}, new Shape(1, 1, 1));
            assertThat(
                            new SegmentationLoss()
                                    .evaluate(new NDList(ignored), new NDList(logits))
                                    .getFloat())
                    .isZero();
        }
    }
}
