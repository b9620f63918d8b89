package org.djmix.tasks.segmentation;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.djmix.io.NpzFile;
import org.djmix.tasks.classification.ResNet;
import org.djmix.tasks.weights.TorchvisionWeights;
import org.junit.jupiter.api.Test;

/**
 * Our ResNet-50 and DeepLab-v3 against torchvision's, with random weights loaded by torchvision's
 * parameter names and a non-square input whose sides are not multiples of 8 (83×61). The fixtures
 * are written during the build by {@code src/test/python/torchvision_fixtures.py} with Debian's
 * python3-torchvision.
 */
class TorchvisionParityTest {

    private static final Path FIXTURES = Path.of("target", "torchvision");

    @Test
    void resNet50LogitsEqualTorchvisions() throws IOException {
        Map<String, NpzFile.Array> io = NpzFile.read(FIXTURES.resolve("resnet50_io.npz"));
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray input = array(manager, io.get("input"));
            ResNet model = ResNet.builder().build();
            model.initialize(manager, DataType.FLOAT32, input.getShape());
            int loaded =
                    TorchvisionWeights.load(
                            model, FIXTURES.resolve("resnet50.npz"), "", name -> false);
            // every array but BatchNorm's 53 batch counters
            assertThat(loaded).isEqualTo(320 - 53);
            NDList out =
                    model.forward(new ParameterStore(manager, false), new NDList(input), false);
            assertClose(out.head(), array(manager, io.get("logits")));
        }
    }

    @Test
    void aFrozenBatchNormResNet50GivesTorchvisionsEvalLogitsEvenInTraining() throws IOException {
        Map<String, NpzFile.Array> io = NpzFile.read(FIXTURES.resolve("resnet50_io.npz"));
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray input = array(manager, io.get("input"));
            ResNet model = ResNet.builder().optFrozenBatchNorm().build();
            model.initialize(manager, DataType.FLOAT32, input.getShape());
            TorchvisionWeights.load(model, FIXTURES.resolve("resnet50.npz"), "", name -> false);
            NDList out = model.forward(new ParameterStore(manager, false), new NDList(input), true);
            assertClose(out.head(), array(manager, io.get("logits")));
        }
    }

    @Test
    void deepLabV3OutputsEqualTorchvisions() throws IOException {
        Map<String, NpzFile.Array> io = NpzFile.read(FIXTURES.resolve("deeplabv3_io.npz"));
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray input = array(manager, io.get("input"));
            DeepLabV3 model = DeepLabV3.builder().build();
            model.initialize(manager, DataType.FLOAT32, input.getShape());
            TorchvisionWeights.load(model, FIXTURES.resolve("deeplabv3.npz"), "", name -> false);
            NDList out =
                    model.forward(new ParameterStore(manager, false), new NDList(input), false);
            assertThat(out).hasSize(3);
            assertThat(out.getShapes())
                    .containsExactly(model.getOutputShapes(new Shape[] {input.getShape()}));
            assertClose(out.get(1), array(manager, io.get("head")));
            NDArray expected = array(manager, io.get("out"));
            assertClose(out.get(0), expected);
            assertClose(out.get(2), array(manager, io.get("aux")));
            double sameClass =
                    out.get(0)
                            .argMax(1)
                            .eq(expected.argMax(1))
                            .toType(DataType.FLOAT32, false)
                            .mean()
                            .getFloat();
            assertThat(sameClass).isGreaterThanOrEqualTo(0.999);
        }
    }

    @Test
    void aBackboneLoadsFromAClassifiersStateDictWithoutItsClassifier() throws IOException {
        try (NDManager manager = NDManager.newBaseManager()) {
            Block backbone =
                    ResNet.builder().setNumClasses(0).optDilation(false, true, true).build();
            backbone.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 64, 64));
            int loaded =
                    TorchvisionWeights.load(
                            backbone,
                            FIXTURES.resolve("resnet50.npz"),
                            "",
                            name -> name.startsWith("fc."));
            assertThat(loaded).isEqualTo(320 - 53 - 2);
        }
    }

    private static NDArray array(NDManager manager, NpzFile.Array array) {
        return manager.create(array.toFloats(), new Shape(array.shape()));
    }

    /** Max abs difference within 1e-3 of the reference's largest magnitude. */
    private static void assertClose(NDArray actual, NDArray expected) {
        assertThat(actual.getShape()).isEqualTo(expected.getShape());
        float scale = expected.abs().max().getFloat();
        float difference = actual.sub(expected).abs().max().getFloat();
        assertThat(difference)
                .as("max |ours − torchvision| (scale %s)", scale)
                .isLessThanOrEqualTo(1e-3f * scale);
    }
}
