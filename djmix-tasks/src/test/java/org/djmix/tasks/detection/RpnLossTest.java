package org.djmix.tasks.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.djmix.io.NpzFile;
import org.junit.jupiter.api.Test;

/**
 * The RPN loss against torchvision's {@code RegionProposalNetwork.compute_loss} (fixture {@code
 * rpn_loss.npz}: two levels, three images with 3, 1 and 0 boxes, a sampler that draws every anchor
 * so both sides draw the same), and the default sampler's 256-anchor budget seen in the gradient.
 */
class RpnLossTest {

    private static final Path FIXTURES = Path.of("target", "torchvision");

    private static NDArray array(NDManager manager, NpzFile.Array a) {
        return manager.create(a.toFloats(), new Shape(a.shape()));
    }

    private static NDList head(NDManager manager, Map<String, NpzFile.Array> io) {
        return new NDList(
                array(manager, io.get("objectness_0")),
                array(manager, io.get("objectness_1")),
                array(manager, io.get("deltas_0")),
                array(manager, io.get("deltas_1")));
    }

    private static List<float[]> boxes(Map<String, NpzFile.Array> io) {
        return List.of(
                io.get("boxes_0").toFloats(),
                io.get("boxes_1").toFloats(),
                io.get("boxes_2").toFloats());
    }

    @Test
    void equalsTorchvisionsLossWhenEveryAnchorIsDrawn() throws IOException {
        Map<String, NpzFile.Array> io = NpzFile.read(FIXTURES.resolve("rpn_loss.npz"));
        RpnLoss loss =
                new RpnLoss(new Matcher(0.7f, 0.3f, true), new BalancedSampler(1_000_000, 0.5f));
        try (NDManager manager = NDManager.newBaseManager()) {
            NDList out =
                    loss.compute(
                            head(manager, io),
                            io.get("anchors").toFloats(),
                            boxes(io),
                            new SplittableRandom(0));
            assertThat(out.get(0).getFloat())
                    .isCloseTo(io.get("objectness_loss").toFloats()[0], within(1e-5f));
            assertThat(out.get(1).getFloat())
                    .isCloseTo(io.get("box_loss").toFloats()[0], within(1e-6f))
                    .isGreaterThan(0f);
        }
    }

    @Test
    void gradientReachesOnlyTheDrawnAnchors() throws IOException {
        Map<String, NpzFile.Array> io = NpzFile.read(FIXTURES.resolve("rpn_loss.npz"));
        RpnLoss loss = new RpnLoss(new Matcher(0.7f, 0.3f, true), new BalancedSampler(20, 0.25f));
        try (NDManager manager = NDManager.newBaseManager()) {
            NDList head = head(manager, io);
            head.forEach(a -> a.setRequiresGradient(true));
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDList out =
                        loss.compute(
                                head,
                                io.get("anchors").toFloats(),
                                boxes(io),
                                new SplittableRandom(3));
                collector.backward(out.get(0).add(out.get(1)));
            }
            long touched =
                    head.get(0).getGradient().neq(0).sum().getLong()
                            + head.get(1).getGradient().neq(0).sum().getLong();
            // 20 anchors per image, 3 images; the box-free image draws only negatives
            assertThat(touched).isEqualTo(60);
            long deltasTouched =
                    head.get(2).getGradient().neq(0).sum().getLong()
                            + head.get(3).getGradient().neq(0).sum().getLong();
            // at most 5 positives per image, 4 codes each, and none in the third image
            assertThat(deltasTouched).isPositive().isLessThanOrEqualTo(2 * 5 * 4);
        }
    }
}
