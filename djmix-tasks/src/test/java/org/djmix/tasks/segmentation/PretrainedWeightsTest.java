package org.djmix.tasks.segmentation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.djmix.io.NpzFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting a segmentation run from torchvision's state dicts (the build's fixtures). */
class PretrainedWeightsTest {

    private static final Path FIXTURES = Path.of("target", "torchvision");

    @TempDir Path dir;

    private static Block model(SegmentationTask task, NDManager manager) throws IOException {
        Block model = task.model();
        model.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 64, 64));
        task.loadPretrained(model);
        return model;
    }

    /** The first values of our parameter at a position, and of the state dict's array. */
    private static float first(Block model, int index) {
        return model.getParameters().valueAt(index).getArray().toFloatArray()[0];
    }

    /** The bias of the classifier's last convolution (one per class). */
    private static float[] classifierBias(Block model) {
        return model.getParameters().stream()
                .filter(p -> p.getKey().matches("\\d+classifier_.*_bias"))
                .reduce((a, b) -> b)
                .orElseThrow()
                .getValue()
                .getArray()
                .toFloatArray();
    }

    @Test
    void aWholeDeepLabLoadsItsHeadsOnlyWhenTheyFit() throws IOException {
        Path npz = FIXTURES.resolve("deeplabv3.npz");
        Map<String, NpzFile.Array> state = NpzFile.read(npz);
        float conv1 = state.get("backbone.conv1.weight").toFloats()[0];
        float[] bias = state.get("classifier.4.bias").toFloats();
        try (NDManager manager = NDManager.newBaseManager()) {
            Block same =
                    model(new SegmentationTask("deeplabv3-resnet50", 21, 8, true, npz), manager);
            assertThat(first(same, 0)).isEqualTo(conv1);
            float[] ours = classifierBias(same);
            assertThat(ours).hasSize(21);
            assertThat(ours).containsExactly(bias);

            Block other =
                    model(new SegmentationTask("deeplabv3-resnet50", 5, 8, true, npz), manager);
            assertThat(first(other, 0)).isEqualTo(conv1);
            // 5 classes: the heads keep their fresh initialisation (biases start at zero)
            assertThat(classifierBias(other)).hasSize(5).containsOnly(0f);
        }
    }

    @Test
    void anImageNetResNetStartsTheBackboneAndAnythingElseIsRefused() throws IOException {
        Path npz = FIXTURES.resolve("resnet50.npz");
        float conv1 = NpzFile.read(npz).get("conv1.weight").toFloats()[0];
        try (NDManager manager = NDManager.newBaseManager()) {
            Block model =
                    model(new SegmentationTask("deeplabv3-resnet50", 21, 16, false, npz), manager);
            assertThat(first(model, 0)).isEqualTo(conv1);
        }
        Path junk = dir.resolve("junk.npz");
        Files.copy(FIXTURES.resolve("resnet50_io.npz"), junk);
        try (NDManager manager = NDManager.newBaseManager()) {
            assertThatThrownBy(
                            () ->
                                    model(
                                            new SegmentationTask(
                                                    "deeplabv3-small", 5, 8, true, junk),
                                            manager))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining(
                            "is neither a torchvision ResNet-50 nor a DeepLab-v3 state dict");
        }
    }
}
