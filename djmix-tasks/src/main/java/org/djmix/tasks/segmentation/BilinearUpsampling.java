package org.djmix.tasks.segmentation;

import ai.djl.ndarray.NDArray;

/**
 * Bilinear resizing of NCHW maps with PyTorch's {@code align_corners = false} rule: output pixel
 * \(i\) samples the input at \((i + \tfrac12) \cdot \frac{h}{H} - \tfrac12\), clamped at the
 * border. For enlarging only: DJL's interpolation (PyTorch's {@code interpolate}) is antialiased
 * when it shrinks, unlike torchvision's, so a smaller target is refused.
 */
public final class BilinearUpsampling {

    private static final int BILINEAR = 1;

    private BilinearUpsampling() {}

    /**
     * Resizes a map to a size at least as large in both directions.
     *
     * @param x (N, C, h, w)
     * @param size {H, W} with H &ge; h and W &ge; w
     * @return (N, C, H, W), in the graph when x is
     */
    public static NDArray resize(NDArray x, long[] size) {
        long h = x.getShape().get(2);
        long w = x.getShape().get(3);
        if (size[0] < h || size[1] < w) {
            throw new IllegalArgumentException(
                    "bilinear upsampling enlarges only: "
                            + h
                            + "×"
                            + w
                            + " to "
                            + size[0]
                            + "×"
                            + size[1]);
        }
        if (size[0] == h && size[1] == w) {
            return x.duplicate();
        }
        return x.getNDArrayInternal().interpolation(size, BILINEAR, false);
    }
}
