package org.djmix.tasks.detection;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.djmix.io.NpzFile;
import org.djmix.tasks.weights.TorchvisionWeights;
import org.junit.jupiter.api.Test;

/**
 * The FPN against torchvision's {@code FeaturePyramidNetwork} with {@code LastLevelMaxPool} (random
 * weights loaded by name; fixture from {@code src/test/python/torchvision_fixtures.py}), on a
 * pyramid whose top level has odd sides, and the nearest-neighbour resize it uses.
 */
class FeaturePyramidTest {

    private static final Path FIXTURES = Path.of("target", "torchvision");

    private static NDArray array(NDManager manager, NpzFile.Array a) {
        return manager.create(a.toFloats(), new Shape(a.shape()));
    }

    @Test
    void outputsEqualTorchvisions() throws IOException {
        Map<String, NpzFile.Array> io = NpzFile.read(FIXTURES.resolve("fpn_io.npz"));
        try (NDManager manager = NDManager.newBaseManager()) {
            NDList inputs = new NDList();
            for (int i = 0; i < 4; i++) {
                inputs.add(array(manager, io.get("c" + i)));
            }
            FeaturePyramid fpn = new FeaturePyramid(4, 16);
            fpn.initialize(manager, DataType.FLOAT32, inputs.getShapes());
            int loaded = TorchvisionWeights.load(fpn, FIXTURES.resolve("fpn.npz"), "", n -> false);
            assertThat(loaded).isEqualTo(16);
            NDList out = fpn.forward(new ParameterStore(manager, false), inputs, false);
            assertThat(out.getShapes()).containsExactly(fpn.getOutputShapes(inputs.getShapes()));
            String[] names = {"p0", "p1", "p2", "p3", "pool"};
            for (int i = 0; i < names.length; i++) {
                NDArray expected = array(manager, io.get(names[i]));
                float diff = out.get(i).sub(expected).abs().max().getFloat();
                assertThat(diff).as(names[i]).isLessThan(1e-4f);
            }
        }
    }

    @Test
    void nearestResizeTakesTheFloorOfTheScaledIndex() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.arange(6f).reshape(1, 1, 2, 3);
            assertThat(FeaturePyramid.nearest(x, 4, 6).toFloatArray())
                    .containsExactly(
                            0, 0, 1, 1, 2, 2, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 3, 3, 4, 4, 5, 5);
            // 3 → 5 columns: floor(i · 3/5) = 0, 0, 1, 1, 2
            assertThat(FeaturePyramid.nearest(x, 1, 5).toFloatArray())
                    .containsExactly(0, 0, 1, 1, 2);
        }
    }
}
