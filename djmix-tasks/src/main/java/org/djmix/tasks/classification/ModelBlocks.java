package org.djmix.tasks.classification;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.norm.BatchNorm;
import java.util.List;
import java.util.function.Supplier;
import org.djmix.core.nn.ChannelAlignedConv2d;
import org.djmix.core.nn.FrozenBatchNorm;
import org.djmix.core.nn.ReleasingParallelBlock;
import org.djmix.core.nn.ReleasingSequentialBlock;

/** The building blocks the classification (and later segmentation) networks share. */
public final class ModelBlocks {

    /** A bottleneck block's output channels per plane. */
    public static final int BOTTLENECK_EXPANSION = 4;

    private ModelBlocks() {}

    /**
     * A square convolution without bias, padded to keep the size at stride 1 ("same" padding ×
     * dilation).
     *
     * @param filters output channels
     * @param kernel the side
     * @param stride the stride
     * @param groups channel groups (1: dense)
     * @param dilation the dilation
     * @return the block
     */
    public static Block conv(int filters, int kernel, int stride, int groups, int dilation) {
        int pad = kernel / 2 * dilation;
        return ChannelAlignedConv2d.builder()
                .setKernelShape(new Shape(kernel, kernel))
                .optStride(new Shape(stride, stride))
                .optPadding(new Shape(pad, pad))
                .optDilation(new Shape(dilation, dilation))
                .optGroups(groups)
                .setFilters(filters)
                .optBias(false)
                .build();
    }

    /**
     * A dense, undilated convolution without bias.
     *
     * @param filters output channels
     * @param kernel the side
     * @param stride the stride
     * @return the block
     */
    public static Block conv(int filters, int kernel, int stride) {
        return conv(filters, kernel, stride, 1, 1);
    }

    /**
     * A 1×1 convolution with bias, as a network's last layer (per-position class scores).
     *
     * @param filters output channels
     * @return the block
     */
    public static Block pointwiseWithBias(int filters) {
        return convWithBias(filters, 1);
    }

    /**
     * A square, stride-1 convolution with bias and "same" padding (FPN's lateral and output
     * convolutions, detection heads).
     *
     * @param filters output channels
     * @param kernel the side (odd)
     * @return the block
     */
    public static Block convWithBias(int filters, int kernel) {
        return ChannelAlignedConv2d.builder()
                .setKernelShape(new Shape(kernel, kernel))
                .optPadding(new Shape(kernel / 2, kernel / 2))
                .setFilters(filters)
                .optBias(true)
                .build();
    }

    /**
     * BatchNorm then ReLU.
     *
     * @return the block
     */
    public static Block bnRelu() {
        return normRelu(ModelBlocks::bn);
    }

    /**
     * A normalisation then ReLU.
     *
     * @param norm makes the normalisation (BatchNorm, or {@link FrozenBatchNorm} in detection)
     * @return the block
     */
    public static Block normRelu(Supplier<Block> norm) {
        return new ReleasingSequentialBlock().add(norm.get()).add(Activation::relu);
    }

    /**
     * BatchNorm alone.
     *
     * @return the block
     */
    public static Block bn() {
        return BatchNorm.builder().build();
    }

    /**
     * The residual sum \(F(x) + S(x)\).
     *
     * @param main F
     * @param shortcut S (e.g. the identity)
     * @return the block
     */
    public static Block sum(Block main, Block shortcut) {
        return ReleasingParallelBlock.residualSum(main, shortcut);
    }

    /**
     * Concatenation along channels \([x, F(x)]\) (DenseNet).
     *
     * @param main F
     * @param shortcut usually the identity
     * @return the block
     */
    public static Block concat(Block main, Block shortcut) {
        return new ReleasingParallelBlock(
                outputs ->
                        new NDList(
                                outputs.get(1)
                                        .singletonOrThrow()
                                        .concat(outputs.get(0).singletonOrThrow(), 1)),
                List.of(main, shortcut));
    }

    static void checkClasses(int numClasses) {
        if (numClasses < 1) {
            throw new IllegalArgumentException("numClasses must be > 0, got " + numClasses);
        }
    }

    /**
     * The bottleneck block of ResNet and ResNeXt, as torchvision's {@code Bottleneck(groups,
     * width_per_group, dilation)}: \(y = \mathrm{ReLU}(F(x) + S(x))\) with \(F\) = 1×1 conv to
     * \(w\), BN–ReLU, 3×3 conv (stride, groups, dilation), BN–ReLU, 1×1 conv to 4·planes, BN, and
     * \(w = \lfloor \mathrm{planes} \cdot \mathrm{widthPerGroup} / 64 floor \cdot
     * \mathrm{groups}\); \(S\) is the identity or a strided 1×1 projection with BN.
     *
     * @param planes the block's planes (its output has 4·planes channels)
     * @param stride the stride of the 3×3 convolution and the projection
     * @param groups the cardinality (1: ResNet)
     * @param widthPerGroup the width per group at 64 planes (64: ResNet)
     * @param dilation the dilation of the 3×3 convolution
     * @param project whether the shortcut projects (when the shape changes)
     * @return the block
     */
    public static Block bottleneck(
            int planes, int stride, int groups, int widthPerGroup, int dilation, boolean project) {
        return bottleneck(
                planes, stride, groups, widthPerGroup, dilation, project, ModelBlocks::bn);
    }

    /**
     * The bottleneck block with another normalisation (detection's {@link FrozenBatchNorm}).
     *
     * @param planes the block's planes
     * @param stride the stride
     * @param groups the cardinality
     * @param widthPerGroup the width per group at 64 planes
     * @param dilation the dilation of the 3×3 convolution
     * @param project whether the shortcut projects
     * @param norm makes each normalisation
     * @return the block
     */
    public static Block bottleneck(
            int planes,
            int stride,
            int groups,
            int widthPerGroup,
            int dilation,
            boolean project,
            Supplier<Block> norm) {
        int width = (int) Math.floor(planes * (widthPerGroup / 64.0)) * groups;
        Block body =
                new ReleasingSequentialBlock()
                        .add(conv(width, 1, 1))
                        .add(normRelu(norm))
                        .add(conv(width, 3, stride, groups, dilation))
                        .add(normRelu(norm))
                        .add(conv(planes * BOTTLENECK_EXPANSION, 1, 1))
                        .add(norm.get());
        Block shortcut =
                project
                        ? new ReleasingSequentialBlock()
                                .add(conv(planes * BOTTLENECK_EXPANSION, 1, stride))
                                .add(norm.get())
                        : Blocks.identityBlock();
        return new ReleasingSequentialBlock().add(sum(body, shortcut)).add(Activation::relu);
    }
}
