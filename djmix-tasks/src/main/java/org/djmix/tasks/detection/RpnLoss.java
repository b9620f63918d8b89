package org.djmix.tasks.detection;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.djmix.core.nn.Scalars;

/**
 * The region proposal network's loss, as torchvision's {@code RegionProposalNetwork.compute_loss}:
 * anchors are matched to the image's boxes ({@link Matcher} 0.7 / 0.3 with low-quality matches:
 * object, background or ignored), 256 per image are drawn with at most half positive ({@link
 * BalancedSampler}), the objectness loss is the binary cross-entropy over the drawn anchors and the
 * box loss the smooth L1 (β = 1/9) of the positives' codes (box coder 1, 1, 1, 1), summed and
 * divided by the number of drawn anchors. Matching and drawing run on the host; the losses on the
 * head's device, so their gradients are PyTorch's.
 *
 * @param matcher the anchor matcher
 * @param sampler the anchor sampler
 */
public record RpnLoss(Matcher matcher, BalancedSampler sampler) {

    private static final BoxCoder CODER = new BoxCoder(1, 1, 1, 1);

    /**
     * torchvision's settings: IoU 0.7 / 0.3 with low-quality matches, 256 anchors, half positive.
     */
    public static RpnLoss torchvisionDefault() {
        return new RpnLoss(new Matcher(0.7f, 0.3f, true), new BalancedSampler(256, 0.5f));
    }

    /**
     * Computes the two losses of a batch.
     *
     * @param head the {@link RpnHead}'s output (L objectness maps, then L delta maps)
     * @param anchors the batch's anchors, level by level, as the head's cells and anchors
     * @param boxes each image's ground-truth boxes, 4 coordinates each
     * @param random the draws of the sampler
     * @return objectness loss and box loss, scalars on the head's device
     */
    public NDList compute(
            NDList head, float[] anchors, List<float[]> boxes, RandomGenerator random) {
        int levels = head.size() / 2;
        int images = boxes.size();
        NDList logits = new NDList();
        NDList deltas = new NDList();
        for (int l = 0; l < levels; l++) {
            NDArray objectness = head.get(l);
            Shape shape = objectness.getShape();
            long a = shape.get(1);
            logits.add(objectness.transpose(0, 2, 3, 1).reshape(images, -1));
            deltas.add(
                    head.get(levels + l)
                            .reshape(images, a, 4, shape.get(2), shape.get(3))
                            .transpose(0, 3, 4, 1, 2)
                            .reshape(images, -1, 4));
        }
        NDArray allLogits = NDArrays.concat(logits, 1).reshape(-1);
        NDArray allDeltas = NDArrays.concat(deltas, 1).reshape(-1, 4);
        int perImage = anchors.length / 4;
        List<Long> sampled = new ArrayList<>();
        List<Float> labels = new ArrayList<>();
        List<Long> positives = new ArrayList<>();
        List<float[]> matchedBoxes = new ArrayList<>();
        List<float[]> matchedAnchors = new ArrayList<>();
        for (int n = 0; n < images; n++) {
            float[] truth = boxes.get(n);
            int m = truth.length / 4;
            int[] matches = matcher.match(iou(truth, anchors), m, perImage);
            int[] anchorLabels = new int[perImage];
            for (int i = 0; i < perImage; i++) {
                anchorLabels[i] = matches[i] >= 0 ? 1 : matches[i] == Matcher.BELOW_LOW ? 0 : -1;
            }
            BalancedSampler.Sample sample = sampler.sample(anchorLabels, random);
            for (int i : sample.positives()) {
                long global = (long) n * perImage + i;
                sampled.add(global);
                labels.add(1f);
                positives.add(global);
                matchedBoxes.add(Arrays.copyOfRange(truth, 4 * matches[i], 4 * matches[i] + 4));
                matchedAnchors.add(Arrays.copyOfRange(anchors, 4 * i, 4 * i + 4));
            }
            for (int i : sample.negatives()) {
                sampled.add((long) n * perImage + i);
                labels.add(0f);
            }
        }
        NDManager manager = allLogits.getManager();
        NDArray drawn = manager.create(sampled.stream().mapToLong(Long::longValue).toArray());
        float[] targets = new float[labels.size()];
        for (int i = 0; i < targets.length; i++) {
            targets[i] = labels.get(i);
        }
        NDArray objectnessLoss =
                DetectionLosses.binaryCrossEntropy(
                        allLogits.get(new NDIndex("{}", drawn)), manager.create(targets));
        NDArray boxLoss;
        if (positives.isEmpty()) {
            boxLoss = Scalars.mul(allDeltas.sum(), 0);
        } else {
            NDArray chosen =
                    allDeltas.get(
                            new NDIndex(
                                    "{}",
                                    manager.create(
                                            positives.stream()
                                                    .mapToLong(Long::longValue)
                                                    .toArray())));
            NDArray codes =
                    CODER.encode(stack(manager, matchedBoxes), stack(manager, matchedAnchors));
            boxLoss =
                    Scalars.div(
                            DetectionLosses.smoothL1Sum(chosen, codes, DetectionLosses.BETA),
                            Math.max(1, sampled.size()));
        }
        return new NDList(objectnessLoss, boxLoss);
    }

    private static NDArray stack(NDManager manager, List<float[]> rows) {
        float[] flat = new float[4 * rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i), 0, flat, 4 * i, 4);
        }
        return manager.create(flat, new Shape(rows.size(), 4));
    }

    /** IoU of every box (rows) with every anchor (columns). */
    static float[] iou(float[] boxes, float[] anchors) {
        int m = boxes.length / 4;
        int n = anchors.length / 4;
        float[] quality = new float[m * n];
        for (int j = 0; j < m; j++) {
            for (int i = 0; i < n; i++) {
                quality[j * n + i] = BoxIou.iou(boxes, j, anchors, i);
            }
        }
        return quality;
    }
}
