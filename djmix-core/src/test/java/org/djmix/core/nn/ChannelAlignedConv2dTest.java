package org.djmix.core.nn;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.MalformedModelException;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.djmix.core.platform.TorchNativeFlags;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The input gradient of a 3×3 convolution with 4 output channels, taken while every new PyTorch
 * buffer is filled with NaN junk: DJL's Conv2d reads that junk, ours does not.
 */
class ChannelAlignedConv2dTest {

    private static final Shape INPUT = new Shape(8, 32, 12, 12);

    @BeforeEach
    void junkFill() {
        assertThat(TorchNativeFlags.setJunkFill(true)).isTrue();
    }

    @AfterEach
    void noJunkFill() {
        TorchNativeFlags.setJunkFill(false);
    }

    private static Block conv(Conv2d.Builder builder) {
        return builder.setKernelShape(new Shape(3, 3))
                .optPadding(new Shape(1, 1))
                .setFilters(4)
                .optBias(false)
                .build();
    }

    /** Backpropagates \(\ell = \sum y \odot r\) and returns (x, grad x, W, grad W, ℓ). */
    private static NDList linearProbe(Block block, NDManager manager) {
        block.setInitializer(new NormalInitializer(0.1f), ai.djl.nn.Parameter.Type.WEIGHT);
        block.initialize(manager, DataType.FLOAT32, INPUT);
        Engine.getInstance().setRandomSeed(3);
        NDArray x = manager.randomNormal(INPUT);
        x.setRequiresGradient(true);
        NDArray loss;
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray y =
                    block.forward(new ParameterStore(manager, false), new NDList(x), true).head();
            NDArray r = manager.randomNormal(y.getShape());
            loss = y.mul(r).sum();
            collector.backward(loss);
        }
        NDArray weight = block.getParameters().get("weight").getArray();
        return new NDList(x, x.getGradient(), weight, weight.getGradient(), loss);
    }

    /**
     * DJL's Conv2d under junk-filled memory: on CPUs where oneDNN picks blocked layouts (seen on
     * AVX-512 Xeons) its input gradient reads the junk and shows NaN, which is why {@link
     * ChannelAlignedConv2d} exists; elsewhere (seen on AMD EPYC without AVX-512) the gradient is
     * clean. Never may it be wrong without showing it: without NaN, ⟨∂ℓ/∂x, x⟩ = ℓ holds.
     */
    @Test
    void djlConv2dInputGradientIsEitherVisiblyJunkOrExact() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDList probe = linearProbe(conv(Conv2d.builder()), manager);
            NDArray x = probe.get(0);
            NDArray inputGradient = probe.get(1);
            boolean junk = inputGradient.isNaN().any().getBoolean();
            LoggerFactory.getLogger(ChannelAlignedConv2dTest.class)
                    .info(
                            "DJL's Conv2d {} uninitialised memory on this CPU",
                            junk ? "reads" : "does not read");
            if (!junk) {
                assertThat(inputGradient.mul(x).sum().getFloat())
                        .isCloseTo(
                                probe.get(4).getFloat(),
                                org.assertj.core.data.Percentage.withPercentage(1e-2));
            }
        }
    }

    @Test
    void gradientsAreExactUnderJunkFilledMemory() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDList probe = linearProbe(conv(ChannelAlignedConv2d.builder()), manager);
            NDArray x = probe.get(0);
            NDArray inputGradient = probe.get(1);
            NDArray weight = probe.get(2);
            NDArray weightGradient = probe.get(3);
            float loss = probe.get(4).getFloat();
            assertThat(inputGradient.getShape()).isEqualTo(INPUT);
            assertThat(inputGradient.isNaN().any().getBoolean()).isFalse();
            // ℓ is linear in x and in W, so ⟨∂ℓ/∂x, x⟩ = ⟨∂ℓ/∂W, W⟩ = ℓ (to float32 rounding of a
            // sum with cancellation: 1e-4 relative; the junk-memory bug is off by percents)
            assertThat(inputGradient.mul(x).sum().getFloat())
                    .isCloseTo(loss, org.assertj.core.data.Percentage.withPercentage(1e-2));
            assertThat(weightGradient.mul(weight).sum().getFloat())
                    .isCloseTo(loss, org.assertj.core.data.Percentage.withPercentage(1e-2));
        }
    }

    @Test
    void computesConv2dWithItsParameterNamesAndFile() throws IOException, MalformedModelException {
        try (NDManager manager = NDManager.newBaseManager()) {
            Block plain = conv(Conv2d.builder());
            plain.initialize(manager, DataType.FLOAT32, INPUT);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            plain.saveParameters(new DataOutputStream(bytes));
            Block aligned = conv(ChannelAlignedConv2d.builder());
            aligned.initialize(manager, DataType.FLOAT32, INPUT);
            aligned.loadParameters(
                    manager, new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
            assertThat(aligned.getParameters().keys()).isEqualTo(plain.getParameters().keys());

            NDArray x = manager.randomNormal(INPUT);
            ParameterStore store = new ParameterStore(manager, false);
            NDArray expected = plain.forward(store, new NDList(x), false).head();
            for (boolean training : new boolean[] {false, true}) {
                NDArray y = aligned.forward(store, new NDList(x), training).head();
                assertThat(y.getShape()).isEqualTo(new Shape(8, 4, 12, 12));
                assertThat(y.allClose(expected, 1e-5, 1e-5, false)).isTrue();
            }
        }
    }

    /** 24 channels: more than one block and not a multiple of it. */
    private static final Shape WIDE_INPUT = new Shape(8, 24, 12, 12);

    /**
     * The input and weight gradients of conv → BatchNorm for a fixed input and upstream, computed
     * in the given type (float64 runs PyTorch's reference kernels, not oneDNN's).
     */
    private static NDList gradientsThroughBatchNorm(
            Conv2d.Builder builder, DataType type, NDManager manager) {
        Block conv =
                builder.setKernelShape(new Shape(3, 3))
                        .optPadding(new Shape(1, 1))
                        .setFilters(16)
                        .optBias(false)
                        .build();
        Block block = new SequentialBlock().add(conv).add(BatchNorm.builder().build());
        block.initialize(manager, type, WIDE_INPUT);
        Engine.getInstance().setRandomSeed(5);
        NDArray weight = conv.getParameters().get("weight").getArray();
        manager.randomNormal(0, 0.1f, weight.getShape(), DataType.FLOAT32)
                .toType(type, false)
                .copyTo(weight);
        NDArray x = manager.randomNormal(WIDE_INPUT).toType(type, false);
        x.setRequiresGradient(true);
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray y =
                    block.forward(new ParameterStore(manager, false), new NDList(x), true).head();
            collector.backward(y.mul(manager.randomNormal(y.getShape()).toType(type, false)).sum());
        }
        return new NDList(x.getGradient(), weight.getGradient());
    }

    /**
     * DJL's Conv2d before BatchNorm with 24 input channels under junk-filled memory: NaN where
     * oneDNN's blocked kernels read past the channels (why our input padding exists), else the
     * float64 reference's gradients.
     */
    @Test
    void djlConv2dBeforeBatchNormIsEitherVisiblyJunkOrExact() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDList gradients =
                    gradientsThroughBatchNorm(Conv2d.builder(), DataType.FLOAT32, manager);
            if (!gradients.get(0).isNaN().any().getBoolean()) {
                NDList reference =
                        gradientsThroughBatchNorm(Conv2d.builder(), DataType.FLOAT64, manager);
                for (int i = 0; i < 2; i++) {
                    NDArray plain = gradients.get(i).toType(DataType.FLOAT64, false);
                    assertThat(plain.allClose(reference.get(i), 1e-4, 1e-4, false))
                            .as("gradient %d", i)
                            .isTrue();
                }
            }
        }
    }

    @Test
    void misalignedInputChannelsGiveTheGradientsOfCleanMemory() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDList underJunk =
                    gradientsThroughBatchNorm(
                            ChannelAlignedConv2d.builder(), DataType.FLOAT32, manager);
            NDList reference =
                    gradientsThroughBatchNorm(Conv2d.builder(), DataType.FLOAT64, manager);
            for (int i = 0; i < 2; i++) {
                assertThat(underJunk.get(i).isNaN().any().getBoolean()).isFalse();
                NDArray ours = underJunk.get(i).toType(DataType.FLOAT64, false);
                assertThat(ours.allClose(reference.get(i), 1e-4, 1e-4, false))
                        .as("gradient %d", i)
                        .isTrue();
            }
        }
    }

    /**
     * ResNet-50's stage-3 projection (1×1, stride 2, 512 → 1024): DJL's Conv2d kills the JVM with a
     * SIGFPE in oneDNN's backward pass; ours trains, with the plain convolution's values and exact
     * gradients (the loss is linear in x and in W).
     */
    @Test
    void aStridedPointwiseConvolutionTrainsWithThePlainValues() {
        Shape input = new Shape(2, 512, 5, 5);
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block =
                    ChannelAlignedConv2d.builder()
                            .setKernelShape(new Shape(1, 1))
                            .optStride(new Shape(2, 2))
                            .setFilters(1024)
                            .optBias(false)
                            .build();
            block.setInitializer(new NormalInitializer(0.05f), ai.djl.nn.Parameter.Type.WEIGHT);
            block.initialize(manager, DataType.FLOAT32, input);
            NDArray x = manager.randomNormal(input);
            x.setRequiresGradient(true);
            ParameterStore store = new ParameterStore(manager, false);
            NDArray expected = block.forward(store, new NDList(x), false).head();
            NDArray loss;
            NDArray y;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                y = block.forward(store, new NDList(x), true).head();
                NDArray r = manager.randomNormal(y.getShape());
                loss = y.mul(r).sum();
                collector.backward(loss);
            }
            assertThat(y.getShape()).isEqualTo(new Shape(2, 1024, 3, 3));
            assertThat(y.allClose(expected, 1e-5, 1e-5, false)).isTrue();
            NDArray weight = block.getParameters().get("weight").getArray();
            assertThat(x.getGradient().mul(x).sum().getFloat())
                    .isCloseTo(
                            loss.getFloat(),
                            org.assertj.core.data.Offset.offset(
                                    1e-3f * Math.abs(loss.getFloat()) + 1e-3f));
            assertThat(weight.getGradient().mul(weight).sum().getFloat())
                    .isCloseTo(
                            loss.getFloat(),
                            org.assertj.core.data.Offset.offset(
                                    1e-3f * Math.abs(loss.getFloat()) + 1e-3f));
            // pixels a stride-2 1×1 kernel never reads get no gradient
            assertThat(x.getGradient().get(":, :, 1, :").abs().sum().getFloat()).isZero();
        }
    }
}
