package org.djmix.vqvae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import org.djmix.core.nn.ChannelAlignedConv2d;
import org.djmix.core.nn.ReleasingSequentialBlock;

/**
 * How the decoder doubles the resolution where the reference uses a 4×4/2 transposed convolution,
 * which DJL's PyTorch engine lacks.
 */
public enum Upsampling {
    /** Nearest-neighbour ×2, then a 3×3 convolution at the new resolution. */
    NEAREST_CONV,
    /**
     * Sub-pixel convolution (Shi et al. 2016): a 3×3 convolution to 4× the channels at the low
     * resolution, then each group of 4 channels becomes a 2×2 block (PyTorch's {@code
     * pixel_shuffle} order). Each of the 4 output phases gets its own 3×3 kernel, which contains
     * the 2×2 kernels a 4×4/2 transposed convolution applies per phase: the reference's layer is a
     * special case.
     */
    SUB_PIXEL;

    /**
     * Builds the layer.
     *
     * @param filters the output channels
     * @return the block: (N, C, H, W) to (N, filters, 2H, 2W)
     */
    Block layer(int filters) {
        if (this == NEAREST_CONV) {
            return new ReleasingSequentialBlock()
                    .add(LambdaBlock.singleton(x -> x.repeat(2, 2).repeat(3, 2), "upsample"))
                    .add(conv3x3(filters));
        }
        return new ReleasingSequentialBlock()
                .add(conv3x3(4 * filters))
                .add(LambdaBlock.singleton(Upsampling::pixelShuffle, "pixelShuffle"));
    }

    /** (N, 4C, H, W) to (N, C, 2H, 2W): channel c·4 + 2i + j goes to row 2h + i, column 2w + j. */
    static NDArray pixelShuffle(NDArray x) {
        Shape s = x.getShape();
        long n = s.get(0);
        long c = s.get(1) / 4;
        long h = s.get(2);
        long w = s.get(3);
        return x.reshape(n, c, 2, 2, h, w).transpose(0, 1, 4, 2, 5, 3).reshape(n, c, 2 * h, 2 * w);
    }

    private static Block conv3x3(int filters) {
        return ChannelAlignedConv2d.builder()
                .setKernelShape(new Shape(3, 3))
                .optPadding(new Shape(1, 1))
                .setFilters(filters)
                .build();
    }
}
