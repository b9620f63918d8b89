package org.djmix.tasks.classification;

import static org.djmix.tasks.classification.ModelBlocks.bn;
import static org.djmix.tasks.classification.ModelBlocks.bnRelu;
import static org.djmix.tasks.classification.ModelBlocks.concat;
import static org.djmix.tasks.classification.ModelBlocks.conv;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import org.djmix.core.nn.ReleasingSequentialBlock;

/**
 * DenseNet-BC for 32×32 inputs (Huang et al. 2017, as in the AugMix repository's CIFAR model): a
 * 3×3 stem of 2k channels, three dense blocks of \(n = (d-4)/6\) bottleneck layers (BN–ReLU–1×1
 * conv to 4k, BN–ReLU–3×3 conv to k, concatenated to the input), transitions (BN–ReLU–1×1 conv to
 * half the channels, 2×2 average pooling) between them, BN–ReLU, global average pooling and a
 * linear classifier. DenseNet-BC-100 with k = 12 has 769 162 parameters for 10 classes.
 */
public final class DenseNet {

    private DenseNet() {}

    /**
     * Returns a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    private static Block bottleneck(int growth) {
        return concat(
                new ReleasingSequentialBlock()
                        .add(bnRelu())
                        .add(conv(4 * growth, 1, 1))
                        .add(bnRelu())
                        .add(conv(growth, 3, 1)),
                Blocks.identityBlock());
    }

    private static Block transition(int channels) {
        return new ReleasingSequentialBlock()
                .add(bnRelu())
                .add(conv(channels, 1, 1))
                .add(Pool.avgPool2dBlock(new Shape(2, 2)));
    }

    /** Builds a {@link DenseNet}: depth 100, growth rate 12, 10 classes unless set. */
    public static final class Builder {

        private int depth = 100;
        private int growthRate = 12;
        private int numClasses = 10;

        Builder() {}

        /**
         * Sets the depth \(d\) (default 100).
         *
         * @param depth \(d\) with \(d - 4\) divisible by 6
         * @return this builder
         */
        public Builder setDepth(int depth) {
            this.depth = depth;
            return this;
        }

        /**
         * Sets the growth rate k (default 12).
         *
         * @param growthRate k &gt; 0
         * @return this builder
         */
        public Builder setGrowthRate(int growthRate) {
            this.growthRate = growthRate;
            return this;
        }

        /**
         * Sets the number of classes (default 10).
         *
         * @param numClasses &gt; 0
         * @return this builder
         */
        public Builder setNumClasses(int numClasses) {
            this.numClasses = numClasses;
            return this;
        }

        /**
         * Builds the network.
         *
         * @return the block, NCHW images to (N, classes) logits
         */
        public Block build() {
            if (depth < 10 || (depth - 4) % 6 != 0) {
                throw new IllegalArgumentException(
                        "depth must be 6n + 4 with n >= 1 (e.g. 40, 100), got " + depth);
            }
            if (growthRate < 1) {
                throw new IllegalArgumentException("growthRate must be > 0, got " + growthRate);
            }
            ModelBlocks.checkClasses(numClasses);
            int layers = (depth - 4) / 6;
            int channels = 2 * growthRate;
            SequentialBlock net = new ReleasingSequentialBlock().add(conv(channels, 3, 1));
            for (int stage = 0; stage < 3; stage++) {
                for (int i = 0; i < layers; i++) {
                    net.add(bottleneck(growthRate));
                }
                channels += layers * growthRate;
                if (stage < 2) {
                    channels = channels / 2;
                    net.add(transition(channels));
                }
            }
            return net.add(bn())
                    .add(Activation::relu)
                    .add(Pool.globalAvgPool2dBlock())
                    .add(Linear.builder().setUnits(numClasses).build());
        }
    }
}
