package org.djmix.tasks.segmentation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.nn.norm.Dropout;
import java.util.ArrayList;
import java.util.List;
import org.djmix.core.nn.ReleasingParallelBlock;
import org.djmix.core.nn.ReleasingSequentialBlock;
import org.djmix.tasks.classification.ModelBlocks;

/**
 * Atrous spatial pyramid pooling (Chen et al. 2017; torchvision's {@code ASPP}): five branches on
 * the backbone's features — a 1×1 convolution, three 3×3 convolutions with dilation \(r_1, r_2,
 * r_3\) (12/24/36 at output stride 8, 6/12/18 at 16) and {@link ImagePooling} — each to \(c\)
 * channels (256) with BN–ReLU, concatenated (5c) and projected by a 1×1 convolution to \(c\) with
 * BN–ReLU and dropout 0.5. Children are in torchvision's order ({@code convs.0} … {@code convs.4},
 * {@code project}), so its weights load by position.
 */
final class Aspp {

    private Aspp() {}

    /**
     * Builds the block.
     *
     * @param channels c, the channels of every branch and of the projection
     * @param rates the three atrous rates
     * @return features to c-channel features of the same size
     */
    static Block build(int channels, int... rates) {
        List<Block> branches = new ArrayList<>();
        branches.add(
                new ReleasingSequentialBlock()
                        .add(ModelBlocks.conv(channels, 1, 1))
                        .add(ModelBlocks.bnRelu()));
        for (int rate : rates) {
            branches.add(
                    new ReleasingSequentialBlock()
                            .add(ModelBlocks.conv(channels, 3, 1, 1, rate))
                            .add(ModelBlocks.bnRelu()));
        }
        branches.add(new ImagePooling(channels));
        Block pyramid =
                new ReleasingParallelBlock(
                        outputs -> {
                            NDList heads = new NDList(outputs.size());
                            for (NDList output : outputs) {
                                heads.add(output.singletonOrThrow());
                            }
                            NDArray joined = NDArrays.concat(heads, 1);
                            return new NDList(joined);
                        },
                        branches);
        return new ReleasingSequentialBlock()
                .add(pyramid)
                .add(
                        new ReleasingSequentialBlock()
                                .add(ModelBlocks.conv(channels, 1, 1))
                                .add(ModelBlocks.bnRelu())
                                .add(Dropout.builder().optRate(0.5f).build()));
    }
}
