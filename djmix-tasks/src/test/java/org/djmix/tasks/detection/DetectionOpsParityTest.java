package org.djmix.tasks.detection;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.djmix.io.NpzFile;
import org.junit.jupiter.api.Test;

/**
 * RoIAlign and NMS against torchvision's (fixtures written during the build by {@code
 * src/test/python/torchvision_fixtures.py} with Debian's python3-torchvision): outputs and input
 * gradients of {@code roi_align} with aligned false and true, fixed and adaptive sampling, on boxes
 * partly outside the map and below one pixel; the indices {@code nms} and {@code batched_nms} keep
 * among 1 500 boxes with many tied scores; the FPN anchors and the RPN's matches (with ties).
 */
class DetectionOpsParityTest {

    private static final Path FIXTURES = Path.of("target", "torchvision");

    private static NDArray array(NDManager manager, NpzFile.Array a) {
        return manager.create(a.toFloats(), new Shape(a.shape()));
    }

    @Test
    void roiAlignAndItsGradientEqualTorchvisions() throws IOException {
        Map<String, NpzFile.Array> io = NpzFile.read(FIXTURES.resolve("roi_align.npz"));
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray rois = array(manager, io.get("rois"));
            NDArray upstream = array(manager, io.get("upstream"));
            for (boolean chunked : new boolean[] {false, true}) {
                for (int aligned = 0; aligned <= 1; aligned++) {
                    for (int sampling : new int[] {2, -1}) {
                        String name = aligned + "_" + sampling;
                        NDArray input = array(manager, io.get("input"));
                        input.setRequiresGradient(true);
                        RoiAlign pool = new RoiAlign(7, 7, 0.5f, sampling, aligned == 1);
                        NDArray out;
                        try (GradientCollector collector =
                                Engine.getInstance().newGradientCollector()) {
                            // in chunks of 5 regions the second time: the same numbers
                            out =
                                    chunked
                                            ? pool.apply(input, rois, 5L * 49 * 16 * 4)
                                            : pool.apply(input, rois);
                            collector.backward(out.mul(upstream).sum());
                        }
                        assertClose(name, out, array(manager, io.get("out_" + name)));
                        assertClose(
                                "gradient " + name,
                                input.getGradient(),
                                array(manager, io.get("grad_" + name)));
                    }
                }
            }
        }
    }

    private static void assertClose(String what, NDArray actual, NDArray expected) {
        assertThat(actual.getShape()).as(what).isEqualTo(expected.getShape());
        float diff = actual.sub(expected).abs().max().getFloat();
        assertThat(diff).as(what + ": max abs difference").isLessThanOrEqualTo(1e-5f);
    }

    @Test
    void nmsKeepsTheBoxesTorchvisionKeeps() throws IOException {
        Map<String, NpzFile.Array> io = NpzFile.read(FIXTURES.resolve("nms.npz"));
        float[] boxes = io.get("boxes").toFloats();
        float[] scores = io.get("scores").toFloats();
        int[] classes = ints(io.get("classes"));
        int[] expected = ints(io.get("keep"));
        assertThat(Nms.nms(boxes, scores, 0.7f)).containsExactly(expected);
        assertThat(expected.length).isLessThan(scores.length);

        int[] batched = Nms.batched(boxes, scores, classes, 0.5f);
        int[] expectedBatched = ints(io.get("keep_batched"));
        // the same boxes; torchvision orders equal scores at random across classes, we by index
        assertThat(batched).containsExactlyInAnyOrder(expectedBatched);
        for (int i = 1; i < batched.length; i++) {
            assertThat(scores[batched[i]]).isLessThanOrEqualTo(scores[batched[i - 1]]);
        }
    }

    @Test
    void anchorsAndMatchesEqualTorchvisions() throws IOException {
        Map<String, NpzFile.Array> io = NpzFile.read(FIXTURES.resolve("anchors.npz"));
        float[] anchors =
                AnchorGenerator.fpnDefault()
                        .anchors(96, 128, new int[] {24, 12, 6, 3, 2}, new int[] {32, 16, 8, 4, 2});
        assertThat(anchors).containsExactly(io.get("anchors").toFloats());
        int[] matches = new Matcher(0.7f, 0.3f, true).match(io.get("quality").toFloats(), 4, 60);
        assertThat(matches).containsExactly(ints(io.get("matches")));
    }

    private static int[] ints(NpzFile.Array a) {
        float[] values = a.toFloats();
        return Arrays.stream(toDoubles(values)).mapToInt(v -> (int) v).toArray();
    }

    private static double[] toDoubles(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }
}
