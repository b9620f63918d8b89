package org.djmix.core.nn;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A {@link Conv2d} whose gradient is safe on PyTorch's CPU kernels: in a training forward on the
 * CPU, it convolves with its output channels padded by zero filters to a multiple of {@value
 * #CHANNEL_BLOCK} and returns the real channels, \(y = (W \oplus 0) * x\,[{:}\,, {:}C_{out}]\). The
 * result and the gradients of its parameters and input are those of the plain convolution.
 *
 * <p>Why: the backward-data convolution of oneDNN 3.7 (PyTorch 2.7's {@code jit:avx512_core}
 * kernel) reads memory that nothing wrote when the output channels are not a multiple of its
 * 16-channel block, and multiplies it by zero. Freed memory that happened to hold a NaN or an
 * infinity bit pattern then turns whole input channels of the gradient into NaN, at random:
 * training dies or drifts depending on what the allocator reused (docs/design.md, "NaN in
 * convolution gradients"). Parameters keep Conv2d's names and shapes, so files and torchvision
 * weights load unchanged; inference, the GPU, grouped convolutions and aligned channel counts run
 * the plain convolution.
 */
public class ChannelAlignedConv2d extends Conv2d {

    /** The channel block of oneDNN's AVX-512 fp32 kernels (a multiple of the AVX2 block of 8). */
    public static final int CHANNEL_BLOCK = 16;

    /**
     * Creates the block.
     *
     * @param builder the settings
     */
    protected ChannelAlignedConv2d(Builder builder) {
        super(builder);
    }

    /**
     * Returns a builder, used as {@link Conv2d#builder()}.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore,
            NDList inputs,
            boolean training,
            PairList<String, Object> params) {
        NDArray input = inputs.singletonOrThrow();
        Device device = input.getDevice();
        NDArray weightArray = parameterStore.getValue(weight, device, training);
        NDArray biasArray = parameterStore.getValue(bias, device, training);
        int missing = Math.floorMod(-filters, CHANNEL_BLOCK);
        if (!training || missing == 0 || groups != 1 || device.isGpu()) {
            return conv2d(input, weightArray, biasArray, stride, padding, dilation, groups);
        }
        NDManager manager = input.getManager();
        NDArray alignedWeight = withZeroRows(weightArray, missing, manager);
        NDArray alignedBias = biasArray == null ? null : withZeroRows(biasArray, missing, manager);
        NDArray out =
                conv2d(input, alignedWeight, alignedBias, stride, padding, dilation, groups).head();
        return new NDList(out.get(new NDIndex(":, :{}", filters)));
    }

    /** Appends {@code rows} zero rows along axis 0, owned by {@code manager}. */
    private static NDArray withZeroRows(NDArray array, int rows, NDManager manager) {
        Shape shape = array.getShape();
        NDArray zeros =
                manager.zeros(
                        new Shape(rows).addAll(shape.slice(1)),
                        array.getDataType(),
                        array.getDevice());
        NDArray aligned = array.concat(zeros, 0);
        aligned.attach(manager);
        return aligned;
    }

    /** Builds a {@link ChannelAlignedConv2d} with {@link Conv2d.Builder}'s settings. */
    public static class Builder extends Conv2d.Builder {

        /** Creates a builder. */
        protected Builder() {}

        /**
         * Builds the block.
         *
         * @return the block
         */
        @Override
        public ChannelAlignedConv2d build() {
            validate();
            return new ChannelAlignedConv2d(this);
        }
    }
}
