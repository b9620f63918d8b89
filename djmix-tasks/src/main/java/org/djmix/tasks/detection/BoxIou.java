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
}
