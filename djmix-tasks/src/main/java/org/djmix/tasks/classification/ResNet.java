package org.djmix.tasks.classification;

import static org.djmix.tasks.classification.ModelBlocks.BOTTLENECK_EXPANSION;
import static org.djmix.tasks.classification.ModelBlocks.bottleneck;
import static org.djmix.tasks.classification.ModelBlocks.conv;
import static org.djmix.tasks.classification.ModelBlocks.normRelu;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.djmix.core.nn.FrozenBatchNorm;
import org.djmix.core.nn.ReleasingSequentialBlock;

/**
 * A bottleneck ResNet v1.5 (He et al. 2016, torchvision's variant: the stride of a bottleneck sits
 * on its 3×3 convolution), by default ResNet-50: a 7×7/2 stem of 64 channels with BN–ReLU and 3×3/2
 * max pooling, four stages of 3, 4, 6 and 3 bottleneck blocks (planes 64, 128, 256, 512; 1×1, 3×3,
 * 1×1 convolutions with BN, 4·planes out), global average pooling and a linear classifier: 25 557
 * 032 parameters for 1 000 classes. {@link Builder#optStages} builds a smaller network of the same
 * design (other block counts, planes \(w, 2w, 4w, 8w\) and a stem of \(w\) channels), e.g.
 * DeepLab-v3's backbone for CPU demos. Stages 2–4 can trade their stride for dilation (output
 * stride 16 or 8), as DeepLab-v3 needs. The stages are named children {@code layer1} … {@code
 * layer4}, so a task can read the C4 and C5 features.
 */
public final class ResNet extends AbstractBlock {

    private static final byte VERSION = 1;
    private static final int[] RESNET50_BLOCKS = {3, 4, 6, 3};
    private static final int RESNET50_WIDTH = 64;

    private final List<Block> stages = new ArrayList<>();

    private ResNet(Builder builder) {
        super(VERSION);
        stages.add(
                addChildBlock(
                        "stem",
                        new ReleasingSequentialBlock()
                                .add(conv(builder.width, 7, 2))
                                .add(normRelu(builder.norm))
                                .add(
                                        Pool.maxPool2dBlock(
                                                new Shape(3, 3),
                                                new Shape(2, 2),
                                                new Shape(1, 1)))));
        int in = builder.width;
        int dilation = 1;
        for (int stage = 0; stage < 4; stage++) {
            int stride = stage == 0 ? 1 : 2;
            int previousDilation = dilation;
            if (stage > 0 && builder.dilate[stage - 1]) {
                dilation *= stride;
                stride = 1;
            }
            SequentialBlock layer = new ReleasingSequentialBlock();
            int planes = builder.width << stage;
            for (int b = 0; b < builder.blocks[stage]; b++) {
                boolean first = b == 0;
                layer.add(
                        bottleneck(
                                planes,
                                first ? stride : 1,
                                1,
                                64,
                                first ? previousDilation : dilation,
                                first && (stride != 1 || in != planes * BOTTLENECK_EXPANSION),
                                builder.norm));
                in = planes * BOTTLENECK_EXPANSION;
            }
            stages.add(addChildBlock("layer" + (stage + 1), layer));
        }
        if (builder.numClasses > 0) {
            stages.add(
                    addChildBlock(
                            "head",
                            new ReleasingSequentialBlock()
                                    .add(Pool.globalAvgPool2dBlock())
                                    .add(Linear.builder().setUnits(builder.numClasses).build())));
        }
    }

    /**
     * Returns a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the stem (7×7/2 convolution, BN–ReLU, 3×3/2 max pooling), for feature taps.
     *
     * @return the stem
     */
    public Block getStem() {
        return stages.get(0);
    }

    /**
     * Returns a stage, for feature taps.
     *
     * @param index 1..4
     * @return {@code layer1} … {@code layer4}
     */
    public Block getLayer(int index) {
        return stages.get(index);
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore,
            NDList inputs,
            boolean training,
            PairList<String, Object> params) {
        NDList x = inputs;
        for (Block stage : stages) {
            x = stage.forward(parameterStore, x, training, params);
        }
        return x;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape[] shapes = inputShapes;
        for (Block stage : stages) {
            shapes = stage.getOutputShapes(shapes);
        }
        return shapes;
    }

    @Override
    protected void initializeChildBlocks(
            NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape[] shapes = inputShapes;
        for (Block stage : stages) {
            stage.initialize(manager, dataType, shapes);
            shapes = stage.getOutputShapes(shapes);
        }
    }

    /** Builds a {@link ResNet}: 1 000 classes, no dilation unless set. */
    public static final class Builder {

        private int numClasses = 1000;
        private final boolean[] dilate = new boolean[3];
        private Supplier<Block> norm = ModelBlocks::bn;
        private int[] blocks = RESNET50_BLOCKS;
        private int width = RESNET50_WIDTH;

        Builder() {}

        /**
         * Sets the number of classes (default 1 000); 0 drops the pooling and classifier, leaving
         * the C5 features as the output.
         *
         * @param numClasses &gt;= 0
         * @return this builder
         */
        public Builder setNumClasses(int numClasses) {
            this.numClasses = numClasses;
            return this;
        }

        /**
         * Uses {@link FrozenBatchNorm} instead of BatchNorm (torchvision's detection backbones:
         * statistics and affine parameters fixed at their pretrained values).
         *
         * @return this builder
         */
        public Builder optFrozenBatchNorm() {
            norm = FrozenBatchNorm::new;
            return this;
        }

        /**
         * Replaces the stride of stages 2, 3 and 4 by dilation (torchvision's {@code
         * replace_stride_with_dilation}); DeepLab-v3 uses (false, true, true), output stride 8.
         *
         * @param stage2 stage 2 dilated
         * @param stage3 stage 3 dilated
         * @param stage4 stage 4 dilated
         * @return this builder
         */
        public Builder optDilation(boolean stage2, boolean stage3, boolean stage4) {
            dilate[0] = stage2;
            dilate[1] = stage3;
            dilate[2] = stage4;
            return this;
        }

        /**
         * Sets the depth and width (default ResNet-50: 3, 4, 6, 3 blocks, width 64).
         *
         * @param blocks bottleneck blocks in each of the four stages, each &ge; 1
         * @param width the stem's channels and stage 1's planes \(w\) (stages: w, 2w, 4w, 8w)
         * @return this builder
         */
        public Builder optStages(int[] blocks, int width) {
            this.blocks = blocks.clone();
            this.width = width;
            return this;
        }

        /**
         * Returns the channels of a stage's output.
         *
         * @param stage 1..4
         * @return 4·w·2^(stage−1), e.g. 1 024 for ResNet-50's stage 3
         */
        public int stageChannels(int stage) {
            return BOTTLENECK_EXPANSION * (width << (stage - 1));
        }

        /**
         * Builds the network.
         *
         * @return the block, NCHW images to (N, classes) logits (or C5 features)
         */
        public ResNet build() {
            if (numClasses < 0) {
                throw new IllegalArgumentException("numClasses must be >= 0, got " + numClasses);
            }
            if (blocks.length != 4 || Arrays.stream(blocks).anyMatch(b -> b < 1)) {
                throw new IllegalArgumentException(
                        "need 4 stages of at least one block, got " + Arrays.toString(blocks));
            }
            if (width < 1) {
                throw new IllegalArgumentException("width must be > 0, got " + width);
            }
            return new ResNet(this);
        }
    }
}
