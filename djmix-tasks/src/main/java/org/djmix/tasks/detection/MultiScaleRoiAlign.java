package org.djmix.tasks.detection;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

/**
 * RoIAlign over a feature pyramid, as torchvision's {@code MultiScaleRoIAlign}: each region is
 * pooled from the level the FPN paper's rule assigns it, \(k = \lfloor k_0 + \log_2(\sqrt{wh} /
 * s_0) + 10^{-6} \rfloor\) clamped to the pyramid's levels (k₀ = 4, s₀ = 224), with {@link
 * RoiAlign} at that level's scale \(2^{-k}\) (aligned false). The output keeps the regions' order.
 *
 * @param outputSize bins per side (7)
 * @param samplingRatio grid points per bin side (2)
 * @param minLevel the first level's k (2: stride 4)
 * @param levels how many levels (4: P2–P5)
 */
public record MultiScaleRoiAlign(int outputSize, int samplingRatio, int minLevel, int levels) {

    private static final int CANONICAL_LEVEL = 4;
    private static final float CANONICAL_SCALE = 224f;
    private static final float EPS = 1e-6f;

    /** torchvision's Faster R-CNN pooler: 7×7, sampling 2, levels P2–P5. */
    public static MultiScaleRoiAlign fasterRcnnDefault() {
        return new MultiScaleRoiAlign(7, 2, 2, 4);
    }

    /**
     * Returns the level index (0 for {@code minLevel}) a box is pooled from.
     *
     * @param boxes 4 coordinates per box
     * @param i the box
     * @return 0..levels−1
     */
    public int level(float[] boxes, int i) {
        double area =
                (double) (boxes[4 * i + 2] - boxes[4 * i]) * (boxes[4 * i + 3] - boxes[4 * i + 1]);
        float s = (float) Math.sqrt(area);
        float k =
                (float)
                        Math.floor(
                                CANONICAL_LEVEL
                                        + (float) (Math.log(s / CANONICAL_SCALE) / Math.log(2))
                                        + EPS);
        int clamped = (int) Math.min(Math.max(k, minLevel), minLevel + levels - 1f);
        return clamped - minLevel;
    }

    /**
     * Pools every region from its level.
     *
     * @param features the pyramid's first {@code levels} maps, (N, C, H_l, W_l), finest first
     * @param rois 5 values per region: image index, x1, y1, x2, y2 in input pixels
     * @return (R, C, outputSize, outputSize) in the regions' order, on the features' device
     */
    public NDArray apply(NDList features, float[] rois) {
        int r = rois.length / 5;
        if (r == 0) {
            NDArray first = features.head();
            return first.getManager()
                    .zeros(new Shape(0, first.getShape().get(1), outputSize, outputSize))
                    .toDevice(first.getDevice(), false);
        }
        float[] boxes = new float[4 * r];
        for (int i = 0; i < r; i++) {
            System.arraycopy(rois, 5 * i + 1, boxes, 4 * i, 4);
        }
        int[] assigned = new int[r];
        int[] counts = new int[levels];
        for (int i = 0; i < r; i++) {
            assigned[i] = level(boxes, i);
            counts[assigned[i]]++;
        }
        NDList pooled = new NDList();
        long[] order = new long[r];
        int position = 0;
        for (int l = 0; l < levels; l++) {
            if (counts[l] == 0) {
                continue;
            }
            float[] levelRois = new float[5 * counts[l]];
            int k = 0;
            for (int i = 0; i < r; i++) {
                if (assigned[i] == l) {
                    System.arraycopy(rois, 5 * i, levelRois, 5 * k++, 5);
                    order[i] = position++;
                }
            }
            NDArray level = features.get(l);
            RoiAlign align =
                    new RoiAlign(
                            outputSize,
                            outputSize,
                            (float) Math.pow(2, -(minLevel + l)),
                            samplingRatio,
                            false);
            NDManager manager = level.getManager();
            pooled.add(align.apply(level, manager.create(levelRois, new Shape(counts[l], 5))));
        }
        NDArray all = pooled.size() == 1 ? pooled.head() : NDArrays.concat(pooled);
        NDArray index = all.getManager().create(order).toDevice(all.getDevice(), false);
        return all.get(new NDIndex("{}", index));
    }
}
