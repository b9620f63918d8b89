package org.djmix.tasks.detection;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Turns the RPN's outputs into proposals, as torchvision's {@code RegionProposalNetwork.
 * filter_proposals}: per image and pyramid level the {@code preNmsTopN} anchors of highest
 * objectness, decoded (box coder weights 1, 1, 1, 1), clipped to the image, without boxes smaller
 * than {@code minSize} or scoring (sigmoid) below {@code scoreThreshold}; then NMS at {@code
 * nmsThreshold} within each level, and the {@code postNmsTopN} best. It runs on the host: the RPN
 * carries no gradient into its proposals.
 *
 * @param preNmsTopN anchors kept per level before NMS (training 2 000, testing 1 000)
 * @param postNmsTopN proposals kept per image (training 2 000, testing 1 000)
 * @param nmsThreshold the IoU of the NMS (0.7)
 * @param minSize the least side a proposal keeps (1e-3)
 * @param scoreThreshold the least objectness probability (0)
 */
public record ProposalSelector(
        int preNmsTopN, int postNmsTopN, float nmsThreshold, float minSize, float scoreThreshold) {

    private static final BoxCoder CODER = new BoxCoder(1, 1, 1, 1);

    /**
     * One image's proposals.
     *
     * @param boxes 4 coordinates per proposal
     * @param scores objectness probability per proposal, decreasing
     */
    public record Proposals(float[] boxes, float[] scores) {

        /**
         * Returns the number of proposals.
         *
         * @return the count
         */
        public int size() {
            return scores.length;
        }
    }

    /**
     * Selects every image's proposals.
     *
     * @param head the {@link RpnHead}'s output: L objectness maps (N, A, H_l, W_l), then L delta
     *     maps (N, 4A, H_l, W_l)
     * @param anchors the anchors of the padded batch, level by level ({@link AnchorGenerator})
     * @param imageSizes each image's (height, width) before padding
     * @return per image its proposals
     */
    public List<Proposals> select(NDList head, float[] anchors, int[][] imageSizes) {
        int levels = head.size() / 2;
        int images = imageSizes.length;
        List<List<Candidate>> candidates = new ArrayList<>();
        for (int n = 0; n < images; n++) {
            candidates.add(new ArrayList<>());
        }
        int anchorOffset = 0;
        for (int l = 0; l < levels; l++) {
            NDArray logits = head.get(l);
            Shape shape = logits.getShape();
            int a = (int) shape.get(1);
            int h = (int) shape.get(2);
            int w = (int) shape.get(3);
            int perImage = a * h * w;
            float[] scores = logits.toFloatArray();
            float[] deltas = head.get(levels + l).toFloatArray();
            for (int n = 0; n < images; n++) {
                float[] flat = new float[perImage];
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        for (int k = 0; k < a; k++) {
                            flat[(y * w + x) * a + k] = scores[((n * a + k) * h + y) * w + x];
                        }
                    }
                }
                for (int i : topN(flat, Math.min(preNmsTopN, perImage))) {
                    int k = i % a;
                    int cell = i / a;
                    float[] code = new float[4];
                    for (int j = 0; j < 4; j++) {
                        code[j] = deltas[(((n * a + k) * 4 + j) * h + cell / w) * w + cell % w];
                    }
                    float[] box = decode(code, anchors, 4 * (anchorOffset + i));
                    candidates.get(n).add(new Candidate(box, flat[i], l));
                }
            }
            anchorOffset += perImage;
        }
        List<Proposals> result = new ArrayList<>();
        for (int n = 0; n < images; n++) {
            result.add(filter(candidates.get(n), imageSizes[n]));
        }
        return result;
    }

    /** A decoded anchor: its box, objectness logit and level. */
    private record Candidate(float[] box, float logit, int level) {}

    private Proposals filter(List<Candidate> candidates, int[] size) {
        List<float[]> boxes = new ArrayList<>();
        List<Float> scores = new ArrayList<>();
        List<Integer> levels = new ArrayList<>();
        for (Candidate c : candidates) {
            float[] b = c.box.clone();
            b[0] = Math.min(Math.max(b[0], 0), size[1]);
            b[1] = Math.min(Math.max(b[1], 0), size[0]);
            b[2] = Math.min(Math.max(b[2], 0), size[1]);
            b[3] = Math.min(Math.max(b[3], 0), size[0]);
            float score = (float) (1 / (1 + Math.exp(-c.logit)));
            if (b[2] - b[0] >= minSize && b[3] - b[1] >= minSize && score >= scoreThreshold) {
                boxes.add(b);
                scores.add(score);
                levels.add(c.level);
            }
        }
        float[] flatBoxes = new float[4 * boxes.size()];
        float[] flatScores = new float[boxes.size()];
        for (int i = 0; i < boxes.size(); i++) {
            System.arraycopy(boxes.get(i), 0, flatBoxes, 4 * i, 4);
            flatScores[i] = scores.get(i);
        }
        int[] keep =
                Nms.batched(
                        flatBoxes,
                        flatScores,
                        levels.stream().mapToInt(Integer::intValue).toArray(),
                        nmsThreshold);
        int count = Math.min(postNmsTopN, keep.length);
        float[] outBoxes = new float[4 * count];
        float[] outScores = new float[count];
        for (int i = 0; i < count; i++) {
            System.arraycopy(flatBoxes, 4 * keep[i], outBoxes, 4 * i, 4);
            outScores[i] = flatScores[keep[i]];
        }
        return new Proposals(outBoxes, outScores);
    }

    /** The indices of the k largest values, largest first (equal values in index order). */
    static int[] topN(float[] values, int k) {
        return IntStream.range(0, values.length)
                .boxed()
                .sorted(
                        Comparator.<Integer>comparingDouble(i -> -values[i])
                                .thenComparingInt(i -> i))
                .limit(k)
                .mapToInt(Integer::intValue)
                .toArray();
    }

    /** Decodes one code against the anchor at {@code offset}, as {@link BoxCoder#decode}. */
    private static float[] decode(float[] code, float[] anchors, int offset) {
        float width = anchors[offset + 2] - anchors[offset];
        float height = anchors[offset + 3] - anchors[offset + 1];
        float cx = anchors[offset] + 0.5f * width;
        float cy = anchors[offset + 1] + 0.5f * height;
        float dw = Math.min(code[2] / CODER.ww(), BoxCoder.SCALE_CLAMP);
        float dh = Math.min(code[3] / CODER.wh(), BoxCoder.SCALE_CLAMP);
        float x = code[0] / CODER.wx() * width + cx;
        float y = code[1] / CODER.wy() * height + cy;
        float halfW = 0.5f * ((float) Math.exp(dw) * width);
        float halfH = 0.5f * ((float) Math.exp(dh) * height);
        return new float[] {x - halfW, y - halfH, x + halfW, y + halfH};
    }
}
