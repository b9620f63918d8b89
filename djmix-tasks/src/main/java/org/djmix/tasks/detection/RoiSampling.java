package org.djmix.tasks.detection;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.random.RandomGenerator;
import org.djmix.core.nn.Scalars;

/**
 * The box branch's training targets and loss, as torchvision's {@code RoIHeads} in training: each
 * image's ground-truth boxes join its proposals, proposals are matched to the boxes ({@link
 * Matcher} 0.5 / 0.5: object or background), 512 per image are drawn with at most a quarter objects
 * ({@link BalancedSampler}), and {@code fastrcnn_loss} is the softmax cross-entropy over the drawn
 * regions plus the smooth L1 (β = 1/9) of the objects' codes for their own class (box coder 10, 10,
 * 5, 5), summed and divided by the number drawn: \(\frac{1}{R}\sum_r -\log p_{r,c_r} +
 * \frac{1}{R}\sum_{r: c_r > 0} \mathrm{smoothL1}(t_{r,c_r} - t^*_r)\).
 *
 * @param matcher the proposal matcher
 * @param sampler the proposal sampler
 * @param coder the box head's coder
 */
public record RoiSampling(Matcher matcher, BalancedSampler sampler, BoxCoder coder) {

    /** torchvision's settings: IoU 0.5 / 0.5, 512 regions a quarter objects, coder 10, 10, 5, 5. */
    public static RoiSampling torchvisionDefault() {
        return new RoiSampling(
                new Matcher(0.5f, 0.5f, false),
                new BalancedSampler(512, 0.25f),
                new BoxCoder(10, 10, 5, 5));
    }

    /**
     * The drawn regions of a batch.
     *
     * @param rois 5 values per region: image index, x1, y1, x2, y2
     * @param classes each region's class, 0 background, 1..K objects
     * @param matched each region's matched box, 4 values (any box for background)
     */
    public record Sample(float[] rois, int[] classes, float[] matched) {

        /**
         * Returns the number of regions.
         *
         * @return R
         */
        public int size() {
            return classes.length;
        }
    }

    /**
     * Draws the regions of a batch.
     *
     * @param proposals each image's proposals, 4 values each
     * @param boxes each image's ground-truth boxes
     * @param labels each image's object classes, 0..K−1
     * @param random the sampler's draws
     * @return the regions, image by image
     */
    public Sample sample(
            List<float[]> proposals,
            List<float[]> boxes,
            List<int[]> labels,
            RandomGenerator random) {
        int total = 0;
        int[][] drawn = new int[proposals.size()][];
        int[][] classOf = new int[proposals.size()][];
        int[][] matchOf = new int[proposals.size()][];
        float[][] candidates = new float[proposals.size()][];
        for (int n = 0; n < proposals.size(); n++) {
            float[] truth = boxes.get(n);
            float[] all = new float[proposals.get(n).length + truth.length];
            System.arraycopy(proposals.get(n), 0, all, 0, proposals.get(n).length);
            System.arraycopy(truth, 0, all, proposals.get(n).length, truth.length);
            int count = all.length / 4;
            int m = truth.length / 4;
            int[] matches = matcher.match(RpnLoss.iou(truth, all), m, count);
            int[] classes = new int[count];
            for (int i = 0; i < count; i++) {
                classes[i] =
                        matches[i] >= 0
                                ? labels.get(n)[matches[i]] + 1
                                : matches[i] == Matcher.BELOW_LOW ? 0 : -1;
            }
            BalancedSampler.Sample sample = sampler.sample(classes, random);
            int[] chosen = new int[sample.positives().length + sample.negatives().length];
            System.arraycopy(sample.positives(), 0, chosen, 0, sample.positives().length);
            System.arraycopy(
                    sample.negatives(),
                    0,
                    chosen,
                    sample.positives().length,
                    sample.negatives().length);
            java.util.Arrays.sort(chosen);
            drawn[n] = chosen;
            classOf[n] = classes;
            matchOf[n] = matches;
            candidates[n] = all;
            total += chosen.length;
        }
        float[] rois = new float[5 * total];
        int[] classes = new int[total];
        float[] matched = new float[4 * total];
        int k = 0;
        for (int n = 0; n < proposals.size(); n++) {
            float[] truth = boxes.get(n);
            for (int i : drawn[n]) {
                rois[5 * k] = n;
                System.arraycopy(candidates[n], 4 * i, rois, 5 * k + 1, 4);
                classes[k] = classOf[n][i];
                int box = Math.max(matchOf[n][i], 0);
                if (truth.length > 0) {
                    System.arraycopy(truth, 4 * box, matched, 4 * k, 4);
                } else {
                    matched[4 * k + 2] = 1;
                    matched[4 * k + 3] = 1;
                }
                k++;
            }
        }
        return new Sample(rois, classes, matched);
    }

    /**
     * Computes the two losses of the drawn regions.
     *
     * @param classLogits (R, K + 1)
     * @param codes (R, 4 (K + 1))
     * @param sample the regions
     * @return classification loss and box loss, scalars on the logits' device
     */
    public NDList loss(NDArray classLogits, NDArray codes, Sample sample) {
        int r = sample.size();
        int classes = (int) classLogits.getShape().get(1);
        NDManager manager = classLogits.getManager();
        long[] target = new long[r];
        int positives = 0;
        for (int i = 0; i < r; i++) {
            target[i] = (long) i * classes + sample.classes()[i];
            positives += sample.classes()[i] > 0 ? 1 : 0;
        }
        NDArray picked =
                classLogits
                        .logSoftmax(1)
                        .reshape(-1)
                        .get(new NDIndex("{}", device(manager.create(target), classLogits)));
        NDArray classification = picked.neg().mean();
        if (positives == 0) {
            return new NDList(classification, Scalars.mul(codes.sum(), 0));
        }
        long[] rows = new long[positives];
        float[] boxes = new float[4 * positives];
        float[] references = new float[4 * positives];
        int k = 0;
        for (int i = 0; i < r; i++) {
            if (sample.classes()[i] > 0) {
                rows[k] = (long) i * classes + sample.classes()[i];
                System.arraycopy(sample.matched(), 4 * i, boxes, 4 * k, 4);
                System.arraycopy(sample.rois(), 5 * i + 1, references, 4 * k, 4);
                k++;
            }
        }
        Shape shape = new Shape(positives, 4);
        NDArray targets =
                coder.encode(
                        device(manager.create(boxes, shape), classLogits),
                        device(manager.create(references, shape), classLogits));
        NDArray predicted =
                codes.reshape(-1, 4).get(new NDIndex("{}", device(manager.create(rows), codes)));
        NDArray box =
                Scalars.div(
                        DetectionLosses.smoothL1Sum(predicted, targets, DetectionLosses.BETA), r);
        return new NDList(classification, box);
    }

    private static NDArray device(NDArray array, NDArray like) {
        return array.toDevice(like.getDevice(), false);
    }
}
