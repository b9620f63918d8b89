package org.djmix.vqvae;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NearestCodeSearchTest {

    private static float[] gaussian(Random random, int size) {
        float[] values = new float[size];
        for (int i = 0; i < size; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return values;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void findsTheTrueNearestCodeInEveryChunk(int seed) {
        Random random = new Random(seed);
        int n = 1000;
        int k = 64;
        int d = 8;
        float[] vectors = gaussian(random, n * d);
        float[] codes = gaussian(random, k * d);
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray indices =
                    new NearestCodeSearch(128)
                            .nearest(
                                    manager.create(vectors, new Shape(n, d)),
                                    manager.create(codes, new Shape(k, d)));
            assertThat(indices.getShape()).isEqualTo(new Shape(n));
            long[] expected = ReferenceNearestCodeSearch.nearest(vectors, codes, d);
            long[] actual = indices.toLongArray();
            int agree = 0;
            for (int i = 0; i < n; i++) {
                if (actual[i] == expected[i]) {
                    agree++;
                }
            }
            // float32 ties aside (distances equal to ~1e-6), every pick is the true nearest
            assertThat(agree).isGreaterThanOrEqualTo(n - 2);
        }
    }

    @Test
    void leavesNoArraysBehindOnTheCodebookManager() {
        try (NDManager manager = NDManager.newBaseManager();
                NDManager model = manager.newSubManager()) {
            NDArray codes = model.randomNormal(new Shape(16, 4));
            int before = model.getManagedArrays().size();
            new NearestCodeSearch(3).nearest(manager.randomNormal(new Shape(10, 4)), codes);
            assertThat(model.getManagedArrays()).hasSize(before);
        }
    }

    @Test
    void mismatchedShapesAreNamed() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray codes = manager.zeros(new Shape(4, 3));
            assertThatThrownBy(
                            () ->
                                    new NearestCodeSearch()
                                            .nearest(manager.zeros(new Shape(2, 5)), codes))
                    .hasMessageContaining("same width D, got 5 and 3");
            assertThatThrownBy(() -> new NearestCodeSearch(0))
                    .hasMessageContaining("chunkRows must be > 0, got 0");
        }
    }

    @Test
    void chunksFollowTheDeviceUnlessGiven() {
        NearestCodeSearch byDevice = new NearestCodeSearch();
        assertThat(byDevice.chunkRows(Device.cpu(), 512)).isEqualTo(1024);
        // GPU: a 64 MB score block, 2^24 / 512 rows; never fewer rows than on a CPU
        assertThat(byDevice.chunkRows(Device.gpu(), 512)).isEqualTo(32_768);
        assertThat(byDevice.chunkRows(Device.gpu(), 1L << 20)).isEqualTo(1024);
        assertThat(new NearestCodeSearch(128).chunkRows(Device.gpu(), 512)).isEqualTo(128);
    }
}
