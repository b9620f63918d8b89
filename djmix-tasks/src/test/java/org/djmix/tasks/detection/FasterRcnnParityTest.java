package org.djmix.tasks.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.djmix.io.NpzFile;
import org.djmix.tasks.weights.TorchvisionWeights;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole Faster R-CNN against torchvision's {@code fasterrcnn_resnet50_fpn} (21 classes, random
 * weights, fixtures written during the build by {@code src/test/python/torchvision_fixtures.py}),
 * loaded from its {@code .npz}, on a batch of two non-square images of different sizes (150×224 and
 * 120×224, padded to 160×224): the pyramid, the RPN's proposals (top 100, IoU ≥ 0.99), the
 * detections (boxes IoU ≥ 0.99, scores within 1e-3, same classes; score threshold 0.01) and, in
 * training with samplers that draw every candidate, the four losses.
 */
class FasterRcnnParityTest {

    private static final Path FIXTURES = Path.of("target", "torchvision");
    private static final int[][] SIZES = {{150, 224}, {120, 224}};
    private static Map<String, NpzFile.Array> io;

    @BeforeAll
    static void read() throws IOException {
        io = NpzFile.read(FIXTURES.resolve("fasterrcnn_io.npz"));
    }

    private static FasterRcnn detector(NDManager manager, FasterRcnn.Builder builder)
            throws IOException {
        FasterRcnn model = builder.setNumClasses(20).build();
        model.initialize(manager, DataType.FLOAT32, new Shape(2, 3, 160, 224));
        int loaded =
                TorchvisionWeights.load(
                        model, FIXTURES.resolve("fasterrcnn.npz"), "", name -> false);
        // every array but BatchNorm's 53 batch counters
        assertThat(loaded).isEqualTo(348 - 53);
        return model;
    }

    private static NDList inputs(NDManager manager) {
        NDArray batch = manager.zeros(new Shape(2, 3, 160, 224));
        for (int n = 0; n < 2; n++) {
            NpzFile.Array image = io.get("image_" + n);
            batch.set(
                    new NDIndex("{}, :, :{}, :{}", n, SIZES[n][0], SIZES[n][1]),
                    manager.create(image.toFloats(), new Shape(image.shape())));
        }
        return new NDList(batch, manager.create(new int[] {150, 224, 120, 224}, new Shape(2, 2)));
    }

    @Test
    void pyramidAndProposalsEqualTorchvisions() throws IOException {
        try (NDManager manager = NDManager.newBaseManager()) {
            FasterRcnn model = detector(manager, FasterRcnn.builder());
            Map.Entry<NDList, List<ProposalSelector.Proposals>> first =
                    model.proposals(new ParameterStore(manager, false), inputs(manager));
            String[] names = {"p0", "p1", "p2", "p3", "pool"};
            for (int l = 0; l < names.length; l++) {
                NpzFile.Array expected = io.get(names[l]);
                NDArray ours = first.getKey().get(l);
                assertThat(ours.getShape()).isEqualTo(new Shape(expected.shape()));
                NDArray theirs = manager.create(expected.toFloats(), new Shape(expected.shape()));
                float scale = theirs.abs().max().getFloat();
                assertThat(ours.sub(theirs).abs().max().getFloat() / scale)
                        .as(names[l] + ": max difference relative to the largest value")
                        .isLessThan(1e-4f);
            }
            for (int n = 0; n < 2; n++) {
                ProposalSelector.Proposals ours = first.getValue().get(n);
                float[] boxes = io.get("proposals_" + n).toFloats();
                float[] scores = io.get("proposal_scores_" + n).toFloats();
                assertThat(ours.size()).isEqualTo(scores.length);
                assertMatched(
                        "image " + n + " proposals",
                        boxes,
                        scores,
                        null,
                        ours.boxes(),
                        ours.scores(),
                        null,
                        100);
            }
        }
    }

    @Test
    void detectionsEqualTorchvisions() throws IOException {
        try (NDManager manager = NDManager.newBaseManager()) {
            FasterRcnn model =
                    detector(
                            manager,
                            FasterRcnn.builder()
                                    .optPostprocess(
                                            DetectionPostprocess.torchvisionDefault()
                                                    .withScoreThreshold(0.01f)));
            NDList out = model.forward(new ParameterStore(manager, false), inputs(manager), false);
            assertThat(out).hasSize(FasterRcnn.OUTPUTS);
            assertThat(out.get(FasterRcnn.BACKBONE_OUTPUT).getShape())
                    .isEqualTo(new Shape(2, 256, 40 * 56 + 20 * 28 + 10 * 14 + 5 * 7 + 3 * 4));
            List<Detections> detections = FasterRcnn.detections(out);
            for (int n = 0; n < 2; n++) {
                Detections ours = detections.get(n);
                int[] labels = ints(io.get("labels_" + n));
                for (int i = 0; i < labels.length; i++) {
                    labels[i] -= 1; // torchvision's background is class 0
                }
                float[] scores = io.get("scores_" + n).toFloats();
                assertThat(ours.size()).isEqualTo(scores.length).isEqualTo(100);
                assertMatched(
                        "image " + n + " detections",
                        io.get("boxes_" + n).toFloats(),
                        scores,
                        labels,
                        ours.boxes(),
                        ours.scores(),
                        ours.labels(),
                        100);
            }
        }
    }

    @Test
    void trainingLossesEqualTorchvisionsWhenEveryCandidateIsDrawn() throws IOException {
        try (NDManager manager = NDManager.newBaseManager()) {
            FasterRcnn model =
                    detector(
                            manager,
                            FasterRcnn.builder()
                                    .optLosses(
                                            new RpnLoss(
                                                    new Matcher(0.7f, 0.3f, true),
                                                    new BalancedSampler(1_000_000, 0.5f)),
                                            new RoiSampling(
                                                    new Matcher(0.5f, 0.5f, false),
                                                    new BalancedSampler(1_000_000, 0.25f),
                                                    new BoxCoder(10, 10, 5, 5))));
            float[] boxes = new float[2 * 2 * 4];
            int[] classes = {-1, -1, -1, -1};
            for (int n = 0; n < 2; n++) {
                float[] b = io.get("target_boxes_" + n).toFloats();
                int[] c = ints(io.get("target_labels_" + n));
                System.arraycopy(b, 0, boxes, n * 8, b.length);
                for (int j = 0; j < c.length; j++) {
                    classes[n * 2 + j] = c[j] - 1;
                }
            }
            NDList labels =
                    new NDList(
                            manager.create(boxes, new Shape(2, 2, 4)),
                            manager.create(classes, new Shape(2, 2)));
            NDList out =
                    model.forward(
                            new ParameterStore(manager, false), inputs(manager), labels, null);
            String[] names = {
                "loss_objectness", "loss_rpn_box_reg", "loss_classifier", "loss_box_reg"
            };
            for (int i = 0; i < names.length; i++) {
                float expected = io.get(names[i]).toFloats()[0];
                assertThat(out.get(i).getFloat())
                        .as(names[i])
                        .isCloseTo(expected, within(1e-4f * Math.abs(expected)));
            }
        }
    }

    /**
     * Every one of torchvision's first {@code top} results whose score is clear of the cut (1e-3
     * above the score at the cut) has one of ours with IoU ≥ 0.99, a score within 1e-3 and the same
     * class.
     */
    private static void assertMatched(
            String what,
            float[] theirBoxes,
            float[] theirScores,
            int[] theirLabels,
            float[] ourBoxes,
            float[] ourScores,
            int[] ourLabels,
            int top) {
        int count = Math.min(top, theirScores.length);
        float cut = theirScores[Math.min(count, theirScores.length - 1)];
        int checked = 0;
        for (int i = 0; i < count; i++) {
            if (theirScores[i] < cut + 1e-3f) {
                continue;
            }
            boolean found = false;
            for (int j = 0; j < ourScores.length && !found; j++) {
                found =
                        BoxIou.iou(theirBoxes, i, ourBoxes, j) >= 0.99f
                                && Math.abs(theirScores[i] - ourScores[j]) <= 1e-3f
                                && (theirLabels == null || theirLabels[i] == ourLabels[j]);
            }
            assertThat(found).as(what + ": torchvision's result " + i + " has a match").isTrue();
            checked++;
        }
        assertThat(checked).as(what + ": results clear of the cut").isGreaterThan(count / 2);
    }

    private static int[] ints(NpzFile.Array array) {
        float[] values = array.toFloats();
        int[] result = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = Math.round(values[i]);
        }
        return result;
    }
}
