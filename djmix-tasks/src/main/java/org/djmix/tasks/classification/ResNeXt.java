package org.djmix.tasks.classification;

import static org.djmix.tasks.classification.ModelBlocks.BOTTLENECK_EXPANSION;
import static org.djmix.tasks.classification.ModelBlocks.bnRelu;
import static org.djmix.tasks.classification.ModelBlocks.bottleneck;
import static org.djmix.tasks.classification.ModelBlocks.conv;

import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import org.djmix.core.nn.ReleasingSequentialBlock;

/**
 * ResNeXt-29 for 32×32 inputs (Xie et al. 2017, the AugMix repository's CIFAR variant): a 3×3 stem
 * of 64 channels with BN–ReLU, three stages of 3 bottleneck blocks with planes 64, 128, 256
 * (strides 1, 2, 2): 1×1 conv to \(C\cdot w\) channels, grouped 3×3 conv (C groups), 1×1 conv to
 * 4·planes, each with BN, ReLU after the residual sum, where \(w = \lfloor planes \cdot
 * width/64\rfloor\); then global average pooling and a linear classifier. With cardinality C = 4
 * and base width 32 it has 6 807 882 parameters for 10 classes.
 */
public final class ResNeXt {

    private ResNeXt() {}

    /**
     * Returns a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link ResNeXt}: depth 29, cardinality 4, base width 32, 10 classes unless set. */
    public static final class Builder {

        private int depth = 29;
        private int cardinality = 4;
        private int baseWidth = 32;
        private int numClasses = 10;

        Builder() {}

        /**
         * Sets the depth (default 29).
         *
         * @param depth \(9n + 2\)
         * @return this builder
         */
        public Builder setDepth(int depth) {
            this.depth = depth;
            return this;
        }

        /**
         * Sets the cardinality C (default 4).
         *
         * @param cardinality the number of groups
         * @return this builder
         */
        public Builder setCardinality(int cardinality) {
            this.cardinality = cardinality;
            return this;
        }

        /**
         * Sets the base width (default 32).
         *
         * @param baseWidth the width per group at 64 planes
         * @return this builder
         */
        public Builder setBaseWidth(int baseWidth) {
            this.baseWidth = baseWidth;
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
            if (depth < 11 || (depth - 2) % 9 != 0) {
                throw new IllegalArgumentException(
                        "depth must be 9n + 2 with n >= 1 (e.g. 29), got " + depth);
            }
            if (cardinality < 1 || baseWidth < 1) {
                throw new IllegalArgumentException(
                        "cardinality and baseWidth must be > 0, got "
                                + cardinality
                                + " and "
                                + baseWidth);
            }
            ModelBlocks.checkClasses(numClasses);
            int blocks = (depth - 2) / 9;
            SequentialBlock net = new ReleasingSequentialBlock().add(conv(64, 3, 1)).add(bnRelu());
            int in = 64;
            int[] planes = {64, 128, 256};
            for (int stage = 0; stage < 3; stage++) {
                for (int b = 0; b < blocks; b++) {
                    int stride = b == 0 && stage > 0 ? 2 : 1;
                    boolean project =
                            b == 0 && (stride != 1 || in != planes[stage] * BOTTLENECK_EXPANSION);
                    net.add(bottleneck(planes[stage], stride, cardinality, baseWidth, 1, project));
                    in = planes[stage] * BOTTLENECK_EXPANSION;
                }
            }
            return net.add(Pool.globalAvgPool2dBlock())
                    .add(Linear.builder().setUnits(numClasses).build());
        }
    }
}
