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
 * CPU, it pads its output channels with zero filters to a multiple of {@value #CHANNEL_BLOCK}, and
 * its input channels, when there are more than {@value #CHANNEL_BLOCK}, with zero channels (and
 * zero kernel columns) to a multiple too, then returns the real channels: \(y = ((W \oplus 0) * (x
 * \oplus 0))\,[{:}\,, {:}C_{out}]\). The result and the gradients of its parameters and input are
 * those of the plain convolution.
 *
 * <p>Why: the backward convolutions of oneDNN 3.7 (PyTorch 2.7's {@code jit:avx512_core} kernels)
 * read memory that nothing wrote when a channel count is not a multiple of their 16-channel block,
 * and multiply it by zero: the backward-data kernel when the output channels are off the block, and
 * the backward kernels after a BatchNorm when the input channels are (more than one block, not a
 * multiple, e.g. 24 or 40). Freed memory that happened to hold a NaN or an infinity bit pattern
 * then turns whole channels of the gradient into NaN, at random: training dies or drifts depending
 * on what the allocator reused (docs/design.md, "NaN in convolution gradients"). Parameters keep
 * Conv2d's names and shapes, so files and torchvision weights load unchanged; inference, the GPU,
 * grouped convolutions and aligned channel counts run the plain convolution.
 *
 * <p>A strided 1×1 convolution (ResNet's projection shortcuts) trains as \(y = W * x[{:}, {:},
 * {:}{:}s, {:}{:}s]\) at stride 1, the same numbers: oneDNN 3.7's backward of a 1×1 convolution at
 * stride 2 with 512 or more input channels divides by zero in its blocking heuristic ({@code
 * brgemm_convolution_bwd_utils::est_eff_1x1}) and the SIGFPE kills the JVM, whatever the batch and
 * image size: ResNet-50's stage 3 and 4 shortcuts (512→1024, 1024→2048).
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
        int missingOut = Math.floorMod(-filters, CHANNEL_BLOCK);
        long inChannels = input.getShape().get(1);
        int missingIn = inChannels > CHANNEL_BLOCK ? Math.floorMod(-inChannels, CHANNEL_BLOCK) : 0;
        if (!training || groups != 1 || device.isGpu()) {
            return conv2d(input, weightArray, biasArray, stride, padding, dilation, groups);
        }
        Shape step = stride;
        if (isStridedPointwise()) {
            // a 1×1 convolution at stride s reads every s-th pixel: take them, convolve at stride 1
            input = input.get(new NDIndex(":, :, ::{}, ::{}", stride.get(0), stride.get(1)));
            step = new Shape(1, 1);
        }
        if (missingOut == 0 && missingIn == 0) {
            return conv2d(input, weightArray, biasArray, step, padding, dilation, groups);
        }
        NDManager manager = input.getManager();
        NDArray alignedInput = withZeros(input, 1, missingIn, manager);
        NDArray alignedWeight =
                withZeros(withZeros(weightArray, 1, missingIn, manager), 0, missingOut, manager);
        NDArray alignedBias =
                biasArray == null ? null : withZeros(biasArray, 0, missingOut, manager);
        NDArray out =
                conv2d(alignedInput, alignedWeight, alignedBias, step, padding, dilation, groups)
                        .head();
        return missingOut == 0
                ? new NDList(out)
                : new NDList(out.get(new NDIndex(":, :{}", filters)));
    }

    /** A 1×1 kernel without padding and a stride above 1. */
    private boolean isStridedPointwise() {
        return kernelShape.get(0) == 1
                && kernelShape.get(1) == 1
                && padding.get(0) == 0
                && padding.get(1) == 0
                && (stride.get(0) > 1 || stride.get(1) > 1);
    }

    /** Appends {@code count} zero slices along {@code axis}, owned by {@code manager}. */
    private static NDArray withZeros(NDArray array, int axis, int count, NDManager manager) {
        if (count == 0) {
            return array;
        }
        long[] shape = array.getShape().getShape().clone();
        shape[axis] = count;
        NDArray zeros = manager.zeros(new Shape(shape), array.getDataType(), array.getDevice());
        NDArray aligned = array.concat(zeros, axis);
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
