package org.djmix.vqvae;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

class VqVaeTest {

    private static VqVae small(int channels) {
        return VqVae.builder()
                .setChannels(channels)
                .optHiddenChannels(32)
                .optResidual(1, 8)
                .optQuantizer(
                        VectorQuantizer.builder()
                                .optCodeDim(8)
                                .optCodebookSize(32)
                                .optRevivalInterval(5))
                .build();
    }

    @Test
    void mapsImagesToReconstructionsAndAGridOfCodes() {
        try (NDManager manager = NDManager.newBaseManager()) {
            VqVae vqvae = VqVae.builder().build();
            Shape input = new Shape(2, 3, 32, 32);
            vqvae.initialize(manager, DataType.FLOAT32, input);
            NDList out =
                    vqvae.forward(
                            new ParameterStore(manager, false),
                            new NDList(manager.randomUniform(0, 1, input)),
                            false);
            assertThat(out.get(0).getShape()).isEqualTo(input);
            assertThat(out.get(1).getShape()).isEqualTo(new Shape());
            assertThat(out.get(2).getShape()).isEqualTo(new Shape(2, 8, 8));
            assertThat(vqvae.getQuantizer().getCodebook().getShape()).isEqualTo(new Shape(512, 64));
        }
    }

    @Test
    void subPixelUpsamplingPutsEachChannelGroupIntoA2x2BlockAsPyTorchDoes() {
        try (NDManager manager = NDManager.newBaseManager()) {
            // channels 0..3 of one pixel become the block [[0, 1], [2, 3]]; channels 4..7 the
            // next output channel; two input columns give two blocks side by side
            NDArray x = manager.arange(16f).reshape(1, 8, 1, 2);
            NDArray y = Upsampling.pixelShuffle(x);
            assertThat(y.getShape()).isEqualTo(new Shape(1, 2, 2, 4));
            assertThat(y.toFloatArray())
                    .containsExactly(0, 2, 1, 3, 4, 6, 5, 7, 8, 10, 9, 11, 12, 14, 13, 15);
        }
    }

    @Test
    void bothUpsamplingsKeepTheImageShape() {
        try (NDManager manager = NDManager.newBaseManager()) {
            for (Upsampling upsampling : Upsampling.values()) {
                VqVae vqvae =
                        VqVae.builder().optHiddenChannels(16).optUpsampling(upsampling).build();
                Shape input = new Shape(2, 3, 16, 24);
                vqvae.initialize(manager, DataType.FLOAT32, input);
                NDList out =
                        vqvae.forward(
                                new ParameterStore(manager, false),
                                new NDList(manager.randomUniform(0, 1, input)),
                                false);
                assertThat(out.head().getShape()).isEqualTo(input);
            }
        }
    }

    @Test
    void wrongImagesAndSettingsAreNamed() {
        try (NDManager manager = NDManager.newBaseManager()) {
            VqVae vqvae = small(3);
            vqvae.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 16, 16));
            ParameterStore store = new ParameterStore(manager, false);
            NDArray grey = manager.zeros(new Shape(1, 1, 16, 16));
            assertThatThrownBy(() -> vqvae.forward(store, new NDList(grey), false))
                    .hasMessageContaining("images must be (N, 3, H, W) with H and W divisible by 4")
                    .hasMessageContaining("(1, 1, 16, 16)");
            NDArray odd = manager.zeros(new Shape(1, 3, 18, 18));
            assertThatThrownBy(() -> vqvae.forward(store, new NDList(odd), false))
                    .hasMessageContaining("divisible by 4");
            assertThatThrownBy(() -> VqVae.builder().setChannels(2).build())
                    .hasMessageContaining("channels must be 1 or 3, got 2");
        }
    }
}
