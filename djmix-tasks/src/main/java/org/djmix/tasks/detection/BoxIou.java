package org.djmix.tasks.detection;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.index.NDIndex;

/**
 * Areas and pairwise intersection over union of boxes (x1, y1, x2, y2), on the boxes' device, as
 * {@code torchvision.ops.box_iou}: \(\mathrm{IoU}(a, b) = \frac{|a \cap b|}{|a| + |b| - |a \cap
 * b|}\).
 */
public final class BoxIou {

    private BoxIou() {}

    /**
     * Returns each box's area, (x2 − x1)(y2 − y1).
     *
     * @param boxes (N, 4)
     * @return (N)
     */
    public static NDArray area(NDArray boxes) {
        NDArray widths = boxes.get(new NDIndex(":, 2")).sub(boxes.get(new NDIndex(":, 0")));
        NDArray heights = boxes.get(new NDIndex(":, 3")).sub(boxes.get(new NDIndex(":, 1")));
        return widths.mul(heights);
    }

    /**
     * Returns the IoU of every pair.
     *
     * @param a (N, 4)
     * @param b (M, 4)
     * @return (N, M)
     */
    public static NDArray pairwise(NDArray a, NDArray b) {
        NDArray first = a.expandDims(1);
        NDArray second = b.expandDims(0);
        NDArray topLeft =
                NDArrays.maximum(
                        first.get(new NDIndex("..., :2")), second.get(new NDIndex("..., :2")));
        NDArray bottomRight =
                NDArrays.minimum(
                        first.get(new NDIndex("..., 2:")), second.get(new NDIndex("..., 2:")));
        NDArray sides = bottomRight.sub(topLeft).clip(0f, Float.MAX_VALUE);
        NDArray intersection =
                sides.get(new NDIndex("..., 0")).mul(sides.get(new NDIndex("..., 1")));
        NDArray union = area(a).expandDims(1).add(area(b).expandDims(0)).sub(intersection);
        return intersection.div(union);
    }

    /**
     * Returns the IoU of box i of one flat array and box j of another, on the host, in float
     * arithmetic as torchvision's NMS kernel: \(\frac{w h}{|a| + |b| - w h}\) with w, h the
     * overlap's sides clamped at 0.
     *
     * @param a 4 coordinates per box
     * @param i the box in {@code a}
     * @param b 4 coordinates per box
     * @param j the box in {@code b}
     * @return the IoU in [0, 1]
     */
    public static float iou(float[] a, int i, float[] b, int j) {
        float w = Math.max(0f, Math.min(a[4 * i + 2], b[4 * j + 2]) - Math.max(a[4 * i], b[4 * j]));
        float h =
                Math.max(
                        0f,
                        Math.min(a[4 * i + 3], b[4 * j + 3])
                                - Math.max(a[4 * i + 1], b[4 * j + 1]));
        float intersection = w * h;
        float areaA = (a[4 * i + 2] - a[4 * i]) * (a[4 * i + 3] - a[4 * i + 1]);
        float areaB = (b[4 * j + 2] - b[4 * j]) * (b[4 * j + 3] - b[4 * j + 1]);
        return intersection / (areaA + areaB - intersection);
    }
}
