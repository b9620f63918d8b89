package org.djmix.tasks.classification;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import org.djmix.core.nn.ChannelAlignedConv2d;
import org.djmix.core.nn.ReleasingSequentialBlock;

/**
 * A small CNN for quick runs: three stages of (3×3 conv, BN, ReLU, 2×2 max-pool) with 16, 64 and
 * 128 channels, global average pooling and a linear classifier (about 84 k parameters; 7.5 M
 * multiply-adds per 32×32 image, a twentieth of WideResNet-16-2's). The first stage, at full
 * resolution, is the narrow one: its memory traffic, not its arithmetic, bounds the step. Every
 * width is a multiple of 16, oneDNN's channel block, so no convolution needs padding.
 */
public final class SmallCnn {

    private SmallCnn() {}

    /**
     * Builds the network.
     *
     * @param numClasses the number of classes, &gt; 0
     * @return the block, NCHW images to (N, classes) logits
     */
    public static Block build(int numClasses) {
        if (numClasses < 1) {
            throw new IllegalArgumentException("numClasses must be > 0, got " + numClasses);
        }
        SequentialBlock net = new ReleasingSequentialBlock();
        for (int filters : new int[] {16, 64, 128}) {
            net.add(
                            ChannelAlignedConv2d.builder()
                                    .setKernelShape(new Shape(3, 3))
                                    .optPadding(new Shape(1, 1))
                                    .setFilters(filters)
                                    .build())
                    .add(BatchNorm.builder().build())
                    .add(Activation::relu)
                    .add(Pool.maxPool2dBlock(new Shape(2, 2)));
        }
        return net.add(Pool.globalAvgPool2dBlock())
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(numClasses).build());
    }
}
