package org.djmix.tasks.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Path;
import org.djmix.io.NpyFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CifarCTest {

    @TempDir Path dir;

    /** gaussian_noise.npy: 5 severities × 2 images of 1×2 pixels × 3 channels, HWC order. */
    private void writeFixture() throws IOException {
        byte[] data = new byte[5 * 2 * 2 * 3];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }
        NpyFile.writeBytes(dir.resolve("gaussian_noise.npy"), new long[] {10, 1, 2, 3}, data);
        NpyFile.writeLongs(dir.resolve("labels.npy"), new long[] {7, 2, 7, 2, 7, 2, 7, 2, 7, 2});
    }

    @Test
    void oneBlockIsATestSetInPlanarOrder() throws IOException {
        writeFixture();
        DataSpec spec = DataSpec.parse("cifar-c:" + dir + "@gaussian_noise:3");
        assertThat(spec.toString()).isEqualTo("cifar-c:" + dir + "@gaussian_noise:3");
        ImageDataset test = spec.read(false).setSampling(1, false).build();
        assertThat(test.size()).isEqualTo(2);
        assertThat(test.getImageShape()).isEqualTo(new Shape(3, 1, 2));
        assertThat(test.getNumClasses()).isEqualTo(8);
        assertThat(test.label(0)).isEqualTo(7);
        assertThat(test.label(1)).isEqualTo(2);
        // severity 3 starts at image 4; image 4's HWC bytes are 24..29: (r,g,b) = (24,25,26),
        // (27,28,29), so the planes are r = 24 27, g = 25 28, b = 26 29
        assertThat(test.imageBytes(0)).containsExactly(24, 27, 25, 28, 26, 29);
    }

    @Test
    void badSpecsAndTheTrainingSplitAreRefused() throws IOException {
        writeFixture();
        assertThatThrownBy(() -> DataSpec.parse("cifar-c:" + dir))
                .hasMessageContaining("must name one block: cifar-c:DIR@CORRUPTION:SEVERITY");
        assertThatThrownBy(() -> DataSpec.parse("cifar-c:" + dir + "@fog:6"))
                .hasMessageContaining("must be 1..5, got '6'");
        assertThatThrownBy(() -> DataSpec.parse("cifar-c:" + dir + "@smoke:1"))
                .hasMessageContaining("unknown corruption 'smoke'");
        assertThatThrownBy(() -> DataSpec.parse("cifar-c:" + dir + "@fog:1").read(true))
                .hasMessageContaining("is a corrupted test set; it has no training split");
        assertThatThrownBy(() -> DataSpec.parse("cifar-c:" + dir + "@fog:1").read(false))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("no fog.npy in " + dir);
    }
}
