package org.djmix.tasks.segmentation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import org.djmix.core.nn.ReleasingSequentialBlock;
import org.djmix.tasks.classification.ModelBlocks;
import org.djmix.tasks.classification.ResNet;

/**
 * DeepLab-v3 (Chen et al. 2017) as torchvision's {@code deeplabv3_resnet50}: a ResNet-50 v1.5
 * backbone ({@link Builder#optSmallBackbone()}: a small one for CPU demos) whose last stages trade
 * stride for dilation (output stride 8: stages 3 and 4 dilated, ASPP rates 12/24/36; output stride
 * 16: stage 4 only, rates 6/12/18), the head \(z = W_2 \cdot \mathrm{ReLU}(\mathrm{BN}(W_1 *
 * \mathrm{ASPP}(C_5)))\) (3×3 convolution to 256, 1×1 to the classes) and, optionally, the
 * auxiliary FCN head on stage 3 (3×3 convolution to 256, BN–ReLU, dropout 0.1, 1×1 to the classes).
 * The logits are upsampled bilinearly (align_corners = false) to the input's size.
 *
 * <p>Outputs, in this order: the upsampled logits (N, K, H, W) for the task loss, the head's logits
 * before upsampling (N, K, h, w) for DJMix's consistency term (the paper's choice), and with the
 * auxiliary head its upsampled logits. Children are named and ordered as torchvision's {@code
 * backbone}, {@code classifier} and {@code aux_classifier}, so {@link
 * org.djmix.tasks.weights.TorchvisionWeights} loads its state dict.
 */
public final class DeepLabV3 extends AbstractBlock {

    private static final byte VERSION = 1;

    private final ResNet backbone;
    private final Block classifier;
    private final Block auxClassifier;

    private DeepLabV3(Builder builder) {
        super(VERSION);
        boolean os8 = builder.outputStride == 8;
        ResNet.Builder resnet =
                ResNet.builder()
                        .setNumClasses(0)
                        .optDilation(false, os8, true)
                        .optStages(builder.blocks, builder.width);
        backbone = addChildBlock("backbone", resnet.build());
        int[] rates = os8 ? new int[] {12, 24, 36} : new int[] {6, 12, 18};
        int channels = builder.headChannels;
        classifier =
                addChildBlock(
                        "classifier",
                        new ReleasingSequentialBlock()
                                .add(Aspp.build(channels, rates))
                                .add(ModelBlocks.conv(channels, 3, 1))
                                .add(ModelBlocks.bnRelu())
                                .add(ModelBlocks.pointwiseWithBias(builder.numClasses)));
        auxClassifier =
                builder.auxiliary
                        ? addChildBlock(
                                "aux_classifier",
                                new ReleasingSequentialBlock()
                                        .add(ModelBlocks.conv(resnet.stageChannels(3) / 4, 3, 1))
                                        .add(ModelBlocks.bnRelu())
                                        .add(Dropout.builder().optRate(0.1f).build())
                                        .add(ModelBlocks.pointwiseWithBias(builder.numClasses)))
                        : null;
    }

    /**
     * Returns a builder.
     *
     * @return a new builder: 21 classes, output stride 8, auxiliary head
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the backbone.
     *
     * @return the dilated ResNet-50
     */
    public ResNet getBackbone() {
        return backbone;
    }

    /**
     * Tells whether the auxiliary head is there.
     *
     * @return true when the model has three outputs
     */
    public boolean hasAuxiliaryHead() {
        return auxClassifier != null;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore,
            NDList inputs,
            boolean training,
            PairList<String, Object> params) {
        Shape input = inputs.head().getShape();
        long[] size = {input.get(2), input.get(3)};
        NDList x = backbone.getStem().forward(parameterStore, inputs, training, params);
        NDList c3 = null;
        for (int stage = 1; stage <= 4; stage++) {
            NDList next = backbone.getLayer(stage).forward(parameterStore, x, training, params);
            if (stage == 3 && auxClassifier != null) {
                c3 = next;
            } else if (x != c3) {
                x.close();
            }
            x = next;
        }
        NDArray head = classifier.forward(parameterStore, x, training, params).head();
        x.close();
        NDList outputs = new NDList(BilinearUpsampling.resize(head, size), head);
        if (auxClassifier != null) {
            NDArray aux = auxClassifier.forward(parameterStore, c3, training, params).head();
            outputs.add(BilinearUpsampling.resize(aux, size));
            aux.close();
            c3.close();
        }
        return outputs;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape input = inputShapes[0];
        Shape[] c3 = featureShapes(inputShapes, 3);
        Shape c5 = backbone.getLayer(4).getOutputShapes(c3)[0];
        Shape head = classifier.getOutputShapes(new Shape[] {c5})[0];
        Shape full = new Shape(head.get(0), head.get(1), input.get(2), input.get(3));
        List<Shape> shapes = new ArrayList<>(List.of(full, head));
        if (auxClassifier != null) {
            shapes.add(full);
        }
        return shapes.toArray(Shape[]::new);
    }

    /** The shapes after the stem and stages 1 … last. */
    private Shape[] featureShapes(Shape[] inputShapes, int last) {
        Shape[] shapes = backbone.getStem().getOutputShapes(inputShapes);
        for (int stage = 1; stage <= last; stage++) {
            shapes = backbone.getLayer(stage).getOutputShapes(shapes);
        }
        return shapes;
    }

    @Override
    protected void initializeChildBlocks(
            NDManager manager, DataType dataType, Shape... inputShapes) {
        backbone.initialize(manager, dataType, inputShapes);
        Shape[] c3 = featureShapes(inputShapes, 3);
        classifier.initialize(manager, dataType, backbone.getLayer(4).getOutputShapes(c3));
        if (auxClassifier != null) {
            auxClassifier.initialize(manager, dataType, c3);
        }
    }

    /** Builds a {@link DeepLabV3}. */
    public static final class Builder {

        private int numClasses = 21;
        private int outputStride = 8;
        private boolean auxiliary = true;
        private int[] blocks = {3, 4, 6, 3};
        private int width = 64;
        private int headChannels = 256;

        Builder() {}

        /**
         * Sets the number of classes (PASCAL VOC: 21, background included).
         *
         * @param numClasses &gt; 0
         * @return this builder
         */
        public Builder setNumClasses(int numClasses) {
            this.numClasses = numClasses;
            return this;
        }

        /**
         * Sets the output stride: 8 (torchvision's and the paper's) or 16 (about 3× cheaper).
         *
         * @param outputStride 8 or 16
         * @return this builder
         */
        public Builder optOutputStride(int outputStride) {
            this.outputStride = outputStride;
            return this;
        }

        /**
         * Adds or drops the auxiliary FCN head on stage 3 (torchvision's {@code aux_loss}).
         *
         * @param auxiliary true for three outputs
         * @return this builder
         */
        public Builder optAuxiliaryHead(boolean auxiliary) {
            this.auxiliary = auxiliary;
            return this;
        }

        /**
         * Builds the small variant for CPU demos and tests: a bottleneck ResNet of one block per
         * stage at width 16 (C5: 512 channels) and heads of 64 channels, about 1/40 of the
         * computation of the ResNet-50 model. Not torchvision's: its weights do not load.
         *
         * @return this builder
         */
        public Builder optSmallBackbone() {
            blocks = new int[] {1, 1, 1, 1};
            width = 16;
            headChannels = 64;
            return this;
        }

        /**
         * Builds the network.
         *
         * @return the block, NCHW images to its two or three outputs
         */
        public DeepLabV3 build() {
            validate();
            return new DeepLabV3(this);
        }

        /** Checks the settings without building the network. */
        void validate() {
            if (numClasses < 1) {
                throw new IllegalArgumentException("numClasses must be > 0, got " + numClasses);
            }
            if (outputStride != 8 && outputStride != 16) {
                throw new IllegalArgumentException(
                        "outputStride must be 8 or 16, got " + outputStride);
            }
        }
    }
}
