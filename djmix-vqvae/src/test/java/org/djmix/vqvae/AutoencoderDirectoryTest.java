package org.djmix.vqvae;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AutoencoderDirectoryTest {

    private static final Shape IMAGE = new Shape(1, 16, 16);

    @TempDir Path temp;

    private NDManager manager;
    private VqVae vqvae;
    private Path saved;

    @BeforeEach
    void setUp() throws IOException {
        manager = NDManager.newBaseManager();
        vqvae =
                VqVae.builder()
                        .setChannels(1)
                        .optHiddenChannels(16)
                        .optResidual(1, 8)
                        .optQuantizer(VectorQuantizer.builder().optCodeDim(8).optCodebookSize(16))
                        .build();
        vqvae.initialize(manager, DataType.FLOAT32, new Shape(2, 1, 16, 16));
        saved = temp.resolve("dae");
        AutoencoderDirectory.save(vqvae, IMAGE, 7, saved, java.util.Map.of());
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    @Test
    void saveThenLoadGivesTheSameDiscretization() throws IOException {
        NDArray x = manager.randomUniform(0, 1, new Shape(5, 1, 16, 16));
        float[] expected =
                vqvae.forward(new ParameterStore(manager, false), new NDList(x), false)
                        .head()
                        .clip(0f, 1f)
                        .toFloatArray();
        try (VqVaeDiscretizer g = VqVaeDiscretizer.load(saved, manager, 8)) {
            NDArray gx = g.apply(x);
            assertThat(gx.getShape()).isEqualTo(x.getShape());
            assertThat(gx.toFloatArray()).containsExactly(expected);
            assertThat(g.getConfig().seed()).isEqualTo(7);
            assertThat(g.getConfig().quantizer().codebookSize()).isEqualTo(16);
        }
        // in chunks of 2 the convolutions may pick other kernels: equal up to float rounding
        try (VqVaeDiscretizer g = VqVaeDiscretizer.load(saved, manager, 2)) {
            float[] chunked = g.apply(x).toFloatArray();
            for (int i = 0; i < expected.length; i++) {
                assertThat(chunked[i]).isCloseTo(expected[i], within(1e-5f));
            }
        }
        try (Stream<Path> files = Files.list(temp)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("dae");
        }
    }

    @Test
    void insideATrainingStepItRecordsNoGradient() throws IOException {
        try (VqVaeDiscretizer g = VqVaeDiscretizer.load(saved, manager, 8);
                ai.djl.training.GradientCollector collector =
                        ai.djl.engine.Engine.getInstance().newGradientCollector()) {
            NDArray x = manager.randomUniform(0, 1, new Shape(2, 1, 16, 16));
            x.setRequiresGradient(true);
            assertThat(g.apply(x).hasGradient()).isFalse();
        }
    }

    @Test
    void imagesOfAnotherChannelCountAreRefused() throws IOException {
        try (VqVaeDiscretizer g = VqVaeDiscretizer.load(saved, manager, 8)) {
            NDArray rgb = manager.zeros(new Shape(2, 3, 16, 16));
            assertThatThrownBy(() -> g.apply(rgb))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(
                            "this autoencoder takes (N, 1, H, W) images (it was trained on 16×16),"
                                    + " got (2, 3, 16, 16)");
        }
    }

    @Test
    void imagesOfAnySizeGoThroughFullyConvolutionally() throws IOException {
        try (VqVaeDiscretizer g = VqVaeDiscretizer.load(saved, manager, 8)) {
            NDArray odd = manager.randomUniform(0, 1, new Shape(2, 1, 18, 15));
            NDArray out = g.apply(odd);
            assertThat(out.getShape()).isEqualTo(new Shape(2, 1, 18, 15));
            assertThat(out.min().getFloat()).isGreaterThanOrEqualTo(0f);
            assertThat(out.max().getFloat()).isLessThanOrEqualTo(1f);
            // the same as g on the image padded to 20×16 by repeating its last row and column
            NDArray rows = odd.concat(odd.get(":, :, 17:, :").repeat(2, 2), 2);
            NDArray padded = rows.concat(rows.get(":, :, :, 14:"), 3);
            NDArray expected = g.apply(padded).get(":, :, :18, :15");
            assertThat(out.allClose(expected, 1e-6, 1e-6, false)).isTrue();
            assertThat(g.apply(manager.randomUniform(0, 1, new Shape(1, 1, 40, 44))).getShape())
                    .isEqualTo(new Shape(1, 1, 40, 44));
        }
    }

    @Test
    void largeImagesGoThroughInFewerPerForwardSoMemoryStaysBounded() throws IOException {
        try (VqVaeDiscretizer g = VqVaeDiscretizer.load(saved, manager, 8)) {
            // the budget is 8 images of 16×16 = 2048 pixels
            assertThat(g.imagesPerForward(new Shape(100, 1, 16, 16))).isEqualTo(8);
            assertThat(g.imagesPerForward(new Shape(100, 1, 32, 32))).isEqualTo(2);
            assertThat(g.imagesPerForward(new Shape(100, 1, 64, 64))).isEqualTo(1);
            NDArray large = manager.randomUniform(0, 1, new Shape(3, 1, 32, 32));
            float[] together = g.apply(large).toFloatArray();
            float[] alone = g.apply(large.get("2:3")).toFloatArray();
            for (int i = 0; i < alone.length; i++) {
                assertThat(together[2 * 1024 + i]).isCloseTo(alone[i], within(1e-5f));
            }
        }
    }

    @Test
    void missingOrDamagedDirectoriesAreNamed() throws IOException {
        assertThatThrownBy(() -> VqVaeDiscretizer.load(temp.resolve("nowhere"), manager, 8))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("no saved autoencoder at")
                .hasMessageContaining("nowhere");

        Path config = saved.resolve(AutoencoderConfig.FILE);
        String json = Files.readString(config);
        Files.writeString(config, json.replace("\"format\": 1", "\"format\": 9"));
        assertThatThrownBy(() -> VqVaeDiscretizer.load(saved, manager, 8))
                .hasMessageContaining("has format version 9")
                .hasMessageContaining("reads format 1");

        Files.writeString(config, "{ not json");
        assertThatThrownBy(() -> VqVaeDiscretizer.load(saved, manager, 8))
                .hasMessageContaining("config.json is not valid JSON");

        Files.delete(config);
        assertThatThrownBy(() -> VqVaeDiscretizer.load(saved, manager, 8))
                .hasMessageContaining("is not a saved autoencoder: config.json is missing");
    }

    @Test
    void anArchitectureThatDoesNotMatchItsSettingsIsRefused() throws IOException {
        Path config = saved.resolve(AutoencoderConfig.FILE);
        String json = Files.readString(config);
        Files.writeString(config, json.replace("\"vqvae\"", "\"plain\""));
        assertThatThrownBy(() -> VqVaeDiscretizer.load(saved, manager, 8))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("config.json describes a 'plain' with quantizer settings");
    }

    @Test
    void aPlainAutoencoderSavesAndLoadsAsADiscretizer() throws IOException {
        PlainAutoencoder plain =
                PlainAutoencoder.builder()
                        .setChannels(1)
                        .optHiddenChannels(16)
                        .optResidual(1, 8)
                        .optCodeDim(8)
                        .build();
        plain.initialize(manager, DataType.FLOAT32, new Shape(2, 1, 16, 16));
        Path plainDir = temp.resolve("plain");
        AutoencoderDirectory.save(plain, IMAGE, 3, plainDir, java.util.Map.of());
        NDArray x = manager.randomUniform(0, 1, new Shape(3, 1, 16, 16));
        NDList out = plain.forward(new ParameterStore(manager, false), new NDList(x), false);
        assertThat(out).hasSize(2);
        assertThat(out.get(1).getFloat()).isZero();
        try (VqVaeDiscretizer g = VqVaeDiscretizer.load(plainDir, manager, 8)) {
            assertThat(g.getConfig().architecture()).isEqualTo(AutoencoderConfig.PLAIN);
            assertThat(g.getConfig().quantizer()).isNull();
            assertThat(g.apply(x).toFloatArray())
                    .containsExactly(out.head().clip(0f, 1f).toFloatArray());
        }
    }

    @Test
    void truncatedParametersAreNamed() throws IOException {
        Path parameters = saved.resolve(AutoencoderDirectory.PARAMETERS);
        byte[] bytes = Files.readAllBytes(parameters);
        Files.write(parameters, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> VqVaeDiscretizer.load(saved, manager, 8))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("autoencoder.params is truncated or corrupt");
        Files.delete(parameters);
        assertThatThrownBy(() -> VqVaeDiscretizer.load(saved, manager, 8))
                .hasMessageContaining("autoencoder.params is missing");
    }

    @Test
    void savingAgainReplacesTheDirectory() throws IOException {
        AutoencoderDirectory.save(vqvae, IMAGE, 8, saved, java.util.Map.of());
        assertThat(AutoencoderConfig.read(saved).seed()).isEqualTo(8);
        try (Stream<Path> files = Files.list(temp)) {
            assertThat(files.count()).isEqualTo(1);
        }
    }
}
