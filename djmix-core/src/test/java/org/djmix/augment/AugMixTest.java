package org.djmix.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Random;
import org.apache.commons.math3.random.Well19937c;
import org.djmix.image.ByteImage;
import org.junit.jupiter.api.Test;

class AugMixTest {

    private static ByteImage texture(long seed) {
        Random random = new Random(seed);
        int[] samples = new int[3 * 8 * 8];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = random.nextInt(256);
        }
        return ByteImage.of(3, 8, 8, samples);
    }

    @Test
    void mixingWithChainsThatChangeNothingGivesTheImage() {
        // autocontrast of an image whose every channel already spans 0..255 is the identity
        int[] samples = texture(1).samples();
        for (int c = 0; c < 3; c++) {
            samples[c * 64] = 0;
            samples[c * 64 + 1] = 255;
        }
        ByteImage image = ByteImage.of(3, 8, 8, samples);
        AugMix augmix = new AugMix(new AugMixChain(List.of(AugMixOp.AUTOCONTRAST), 0, 3), 3, 1);
        float[] out = augmix.apply(image, new Well19937c(5));
        float[] clean = image.toUnitFloats();
        for (int i = 0; i < out.length; i++) {
            assertThat(out[i]).isCloseTo(clean[i], within(1e-6f));
        }
    }

    @Test
    void theSameSeedGivesTheSameImageAndAnotherSeedAnother() {
        AugMix augmix = AugMix.cifar(AugMixOp.DEFAULT);
        ByteImage image = texture(2);
        float[] first = augmix.apply(image, new Well19937c(11));
        assertThat(augmix.apply(image, new Well19937c(11))).containsExactly(first);
        assertThat(augmix.apply(image, new Well19937c(12))).isNotEqualTo(first);
        for (float v : first) {
            assertThat(v).isBetween(0f, 1f);
        }
    }

    @Test
    void batchAugmentationIsDeterministicAndKeepsShapeAndDevice() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray images = manager.randomUniform(0, 1, new Shape(16, 3, 8, 8));
            HostBatchAugmentation augmentation =
                    new HostBatchAugmentation(AugMix.cifar(AugMixOp.DEFAULT));
            NDArray a = augmentation.apply(images, new Well19937c(3));
            NDArray b = augmentation.apply(images, new Well19937c(3));
            assertThat(a.getShape()).isEqualTo(images.getShape());
            assertThat(a.getDevice()).isEqualTo(images.getDevice());
            assertThat(a.toFloatArray()).containsExactly(b.toFloatArray());
            assertThat(a.sub(images).abs().sum().getFloat()).isGreaterThan(0f);
            NDArray fourChannels = manager.ones(new Shape(1, 4, 8, 8));
            assertThatThrownBy(() -> augmentation.apply(fourChannels, new Well19937c(1)))
                    .hasMessageContaining("images must have 1 or 3 channels, got 4");
            NDArray normalised = images.sub(0.5f).div(0.25f);
            assertThatThrownBy(() -> augmentation.apply(normalised, new Well19937c(1)))
                    .hasMessageContaining("images must be in [0, 1]")
                    .hasMessageContaining("normalise inside the model");
        }
    }

    @Test
    void chainsCheckTheirSettings() {
        assertThatThrownBy(() -> new AugMixChain(List.of(), 0, 3))
                .hasMessageContaining("ops must not be empty");
        assertThatThrownBy(() -> new AugMixChain(AugMixOp.DEFAULT, 0, 11))
                .hasMessageContaining("severity must be in (0.1, 10], got 11.0");
        assertThatThrownBy(() -> new AugMix(new AugMixChain(AugMixOp.DEFAULT, 1, 3), 0, 1))
                .hasMessageContaining("width must be > 0, got 0");
    }
}
