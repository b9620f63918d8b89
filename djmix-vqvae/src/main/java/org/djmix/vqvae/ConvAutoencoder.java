package org.djmix.vqvae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.djmix.core.nn.ChannelAlignedConv2d;
import org.djmix.core.nn.ReleasingParallelBlock;
import org.djmix.core.nn.ReleasingSequentialBlock;

/**
 * The convolutional autoencoder of the DJMix paper around a bottleneck: the encoder is conv 4×4/2
 * to \(h/2\), ReLU, conv 4×4/2 to \(h\), ReLU, conv 3×3, a residual stack and a 1×1 conv to \(D\);
 * the bottleneck ({@link VectorQuantizer} in {@link VqVae}, none in {@link PlainAutoencoder})
 * follows, and the decoder mirrors the encoder. A 32×32 image becomes an 8×8 grid of D-vectors.
 *
 * <p>DJL's PyTorch engine has no transposed convolution, so each 4×4/2 transposed convolution of
 * the reference is an {@link Upsampling}: by default a sub-pixel convolution, whose function class
 * contains the transposed convolution's. Forward returns {@code (reconstruction, bottleneck loss[,
 * codes])}; the reconstruction is linear (not clipped), trained with \(\|g(x) - x\|^2\) on images
 * in [0, 1] ({@link VqVaeLoss}).
 */
public abstract class ConvAutoencoder extends AbstractBlock {

    private final int channels;
    private final int hiddenChannels;
    private final int residualBlocks;
    private final int residualChannels;
    private final int codeDim;
    private final Upsampling upsampling;
    private final Block encoder;
    private final Block bottleneck;
    private final Block decoder;

    /**
     * Builds the encoder and decoder around a bottleneck.
     *
     * @param version the block's version
     * @param builder the architecture
     * @param codeDim D, the width of the encoder's output and the bottleneck's input
     * @param bottleneck maps the (N, D, H/4, W/4) encoding to {@code (z', loss[, codes])}
     */
    protected ConvAutoencoder(byte version, BaseBuilder<?> builder, int codeDim, Block bottleneck) {
        super(version);
        channels = builder.channels;
        hiddenChannels = builder.hiddenChannels;
        residualBlocks = builder.residualBlocks;
        residualChannels = builder.residualChannels;
        this.codeDim = codeDim;
        upsampling = builder.upsampling;
        int hidden = hiddenChannels;
        encoder =
                addChildBlock(
                        "encoder",
                        new ReleasingSequentialBlock()
                                .add(conv(hidden / 2, 4, 2, 1))
                                .add(Activation::relu)
                                .add(conv(hidden, 4, 2, 1))
                                .add(Activation::relu)
                                .add(conv(hidden, 3, 1, 1))
                                .add(residualStack())
                                .add(conv(codeDim, 1, 1, 0)));
        this.bottleneck = addChildBlock("quantizer", bottleneck);
        decoder =
                addChildBlock(
                        "decoder",
                        new ReleasingSequentialBlock()
                                .add(conv(hidden, 3, 1, 1))
                                .add(residualStack())
                                .add(upsampling.layer(hidden / 2))
                                .add(Activation::relu)
                                .add(upsampling.layer(channels)));
    }

    /**
     * Returns the image channels.
     *
     * @return 1 or 3
     */
    public int getChannels() {
        return channels;
    }

    /**
     * Returns the hidden channels h.
     *
     * @return h
     */
    public int getHiddenChannels() {
        return hiddenChannels;
    }

    /**
     * Returns the number of residual blocks in each stack.
     *
     * @return the count
     */
    public int getResidualBlocks() {
        return residualBlocks;
    }

    /**
     * Returns the channels inside each residual block.
     *
     * @return the channels
     */
    public int getResidualChannels() {
        return residualChannels;
    }

    /**
     * Returns how the decoder doubles the resolution.
     *
     * @return the upsampling
     */
    public Upsampling getUpsampling() {
        return upsampling;
    }

    /**
     * Returns the width D of the encoding.
     *
     * @return D
     */
    public int getCodeDim() {
        return codeDim;
    }

    private static Block conv(int filters, int kernel, int stride, int pad) {
        return ChannelAlignedConv2d.builder()
                .setKernelShape(new Shape(kernel, kernel))
                .optStride(new Shape(stride, stride))
                .optPadding(new Shape(pad, pad))
                .setFilters(filters)
                .build();
    }

    /** Residual blocks (ReLU, 3×3 conv to r, ReLU, 1×1 conv back to h) and a final ReLU. */
    private Block residualStack() {
        SequentialBlock stack = new ReleasingSequentialBlock();
        for (int i = 0; i < residualBlocks; i++) {
            Block body =
                    new ReleasingSequentialBlock()
                            .add(Activation::relu)
                            .add(conv(residualChannels, 3, 1, 1))
                            .add(Activation::relu)
                            .add(conv(hiddenChannels, 1, 1, 0));
            stack.add(ReleasingParallelBlock.residualSum(body, Blocks.identityBlock()));
        }
        return stack.add(Activation::relu);
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore,
            NDList inputs,
            boolean training,
            PairList<String, Object> params) {
        NDArray images = inputs.head();
        Shape shape = images.getShape();
        if (shape.dimension() != 4
                || shape.get(1) != channels
                || shape.get(2) % 4 != 0
                || shape.get(3) % 4 != 0) {
            throw new IllegalArgumentException(
                    "images must be (N, "
                            + channels
                            + ", H, W) with H and W divisible by 4, got "
                            + shape);
        }
        NDList encoded = encoder.forward(parameterStore, new NDList(images), training, params);
        NDList middle = bottleneck.forward(parameterStore, encoded, training, params);
        NDList decoded =
                decoder.forward(parameterStore, new NDList(middle.get(0)), training, params);
        NDList out = new NDList(decoded.head());
        out.addAll(middle.subNDList(1));
        return out;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        Shape encoding = encoder.getOutputShapes(inputShapes)[0];
        Shape[] middle = bottleneck.getOutputShapes(new Shape[] {encoding});
        Shape[] out = middle.clone();
        out[0] = in;
        return out;
    }

    @Override
    protected void initializeChildBlocks(
            NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in = inputShapes[0];
        encoder.initialize(manager, dataType, in);
        Shape encoding = encoder.getOutputShapes(new Shape[] {in})[0];
        bottleneck.initialize(manager, dataType, encoding);
        decoder.initialize(manager, dataType, encoding);
    }

    /**
     * The architecture settings both autoencoders share; defaults are the paper's, for 3-channel
     * images.
     *
     * @param <T> the concrete builder
     */
    public abstract static class BaseBuilder<T extends BaseBuilder<T>> {

        private int channels = 3;
        private int hiddenChannels = 128;
        private int residualBlocks = 2;
        private int residualChannels = 32;
        private Upsampling upsampling = Upsampling.SUB_PIXEL;

        /**
         * Returns this builder as its concrete type.
         *
         * @return this
         */
        protected abstract T self();

        /**
         * Sets the image channels (default 3).
         *
         * @param channels 1 or 3
         * @return this builder
         */
        public T setChannels(int channels) {
            this.channels = channels;
            return self();
        }

        /**
         * Sets the hidden channels h (default 128).
         *
         * @param hiddenChannels an even h &gt; 0
         * @return this builder
         */
        public T optHiddenChannels(int hiddenChannels) {
            this.hiddenChannels = hiddenChannels;
            return self();
        }

        /**
         * Sets the number of residual blocks (default 2) and their inner channels (default 32).
         *
         * @param blocks the number of blocks, &gt;= 0
         * @param innerChannels the channels inside each block, &gt; 0
         * @return this builder
         */
        public T optResidual(int blocks, int innerChannels) {
            this.residualBlocks = blocks;
            this.residualChannels = innerChannels;
            return self();
        }

        /**
         * Sets how the decoder doubles the resolution (default {@link Upsampling#SUB_PIXEL}).
         *
         * @param upsampling the upsampling
         * @return this builder
         */
        public T optUpsampling(Upsampling upsampling) {
            this.upsampling = upsampling;
            return self();
        }

        /** Checks the shared settings; call from {@code build()}. */
        protected void validate() {
            if (channels != 1 && channels != 3) {
                throw new IllegalArgumentException("channels must be 1 or 3, got " + channels);
            }
            if (hiddenChannels < 2 || hiddenChannels % 2 != 0) {
                throw new IllegalArgumentException(
                        "hiddenChannels must be even and >= 2, got " + hiddenChannels);
            }
            if (residualBlocks < 0 || residualChannels <= 0) {
                throw new IllegalArgumentException(
                        "residual blocks must be >= 0 and inner channels > 0, got "
                                + residualBlocks
                                + " and "
                                + residualChannels);
            }
        }
    }
}
