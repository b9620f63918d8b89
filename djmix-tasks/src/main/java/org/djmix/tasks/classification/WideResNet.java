package org.djmix.tasks.classification;

import static org.djmix.tasks.classification.ModelBlocks.bnRelu;
import static org.djmix.tasks.classification.ModelBlocks.conv;
import static org.djmix.tasks.classification.ModelBlocks.sum;

import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import org.djmix.core.nn.ReleasingSequentialBlock;

/**
 * Wide residual network WRN-\(d\)-\(k\) for 32×32 inputs (Zagoruyko &amp; Komodakis 2016, as in the
 * AugMix repository's CIFAR model): a 3×3 stem of 16 channels, three stages of \(n = (d-4)/6\)
 * pre-activation basic blocks with \(16k, 32k, 64k\) channels (strides 1, 2, 2), BN–ReLU, global
 * average pooling and a linear classifier. WRN-28-2 has about 1.47 M parameters.
 */
public final class WideResNet {

    private WideResNet() {}

    /**
     * Returns a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * One pre-activation basic block; when the shape changes, the shortcut is a 1×1 convolution of
     * the pre-activated input (as in the reference).
     */
    private static Block basicBlock(int filters, int stride, boolean sameShape) {
        Block body =
                new ReleasingSequentialBlock()
                        .add(conv(filters, 3, stride))
                        .add(bnRelu())
                        .add(conv(filters, 3, 1));
        if (sameShape) {
            return sum(
                    new ReleasingSequentialBlock().add(bnRelu()).add(body), Blocks.identityBlock());
        }
        return new ReleasingSequentialBlock()
                .add(bnRelu())
                .add(sum(body, conv(filters, 1, stride)));
    }

    /** Builds a {@link WideResNet}: depth 28, widen factor 2 and 10 classes unless set. */
    public static final class Builder {

        private int depth = 28;
        private int widenFactor = 2;
        private int numClasses = 10;

        Builder() {}

        /**
         * Sets the depth \(d\) (default 28).
         *
         * @param depth \(d\) with \((d - 4)\) divisible by 6
         * @return this builder
         */
        public Builder setDepth(int depth) {
            this.depth = depth;
            return this;
        }

        /**
         * Sets the widen factor \(k\) (default 2).
         *
         * @param widenFactor \(k \ge 1\)
         * @return this builder
         */
        public Builder setWidenFactor(int widenFactor) {
            this.widenFactor = widenFactor;
            return this;
        }

        /**
         * Sets the number of classes (default 10).
         *
         * @param numClasses the number of classes, &gt; 0
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
                        "depth must be 6n + 4 with n >= 1 (e.g. 16, 28, 40), got " + depth);
            }
            if (widenFactor < 1) {
                throw new IllegalArgumentException("widenFactor must be >= 1, got " + widenFactor);
            }
            ModelBlocks.checkClasses(numClasses);
            int blocks = (depth - 4) / 6;
            int[] widths = {16 * widenFactor, 32 * widenFactor, 64 * widenFactor};
            SequentialBlock net = new ReleasingSequentialBlock().add(conv(16, 3, 1));
            int in = 16;
            for (int stage = 0; stage < 3; stage++) {
                int stride = stage == 0 ? 1 : 2;
                for (int b = 0; b < blocks; b++) {
                    boolean first = b == 0;
                    net.add(
                            basicBlock(
                                    widths[stage],
                                    first ? stride : 1,
                                    !first || in == widths[stage]));
                }
                in = widths[stage];
            }
            return net.add(bnRelu())
                    .add(Pool.globalAvgPool2dBlock())
                    .add(Linear.builder().setUnits(numClasses).build());
        }
    }
}
