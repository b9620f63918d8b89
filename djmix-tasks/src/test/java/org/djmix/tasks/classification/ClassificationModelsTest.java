package org.djmix.tasks.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

class ClassificationModelsTest {

    private static long trainableParameters(Block block) {
        return block.getParameters().values().stream()
                .filter(Parameter::requiresGradient)
                .mapToLong(p -> p.getArray().size())
                .sum();
    }

    private static Shape outputShape(Block block, NDManager manager, Shape input) {
        block.initialize(manager, DataType.FLOAT32, input);
        NDList out =
                block.forward(
                        new ParameterStore(manager, false),
                        new NDList(manager.randomUniform(0, 1, input)),
                        false);
        return out.singletonOrThrow().getShape();
    }

    @Test
    void wideResNet28x2HasAbout1point47MParametersAndTenLogits() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Block wrn = WideResNet.builder().build();
            assertThat(outputShape(wrn, manager, new Shape(2, 3, 32, 32)))
                    .isEqualTo(new Shape(2, 10));
            // the AugMix reference's WRN-28-2 (10 classes): 1,467,610 trainable parameters
            assertThat(trainableParameters(wrn)).isEqualTo(1_467_610L);
        }
    }

    @Test
    void denseNetBc100x12HasItsParameterCount() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Block net = DenseNet.builder().build();
            assertThat(outputShape(net, manager, new Shape(2, 3, 32, 32)))
                    .isEqualTo(new Shape(2, 10));
            // 0.77 M; counted layer by layer from the AugMix repository's densenet.py
            assertThat(trainableParameters(net)).isEqualTo(769_162L);
        }
    }

    @Test
    void resNeXt29x4x32dHasItsParameterCount() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Block net = ResNeXt.builder().build();
            assertThat(outputShape(net, manager, new Shape(2, 3, 32, 32)))
                    .isEqualTo(new Shape(2, 10));
            // 6.81 M; counted layer by layer from the AugMix repository's resnext.py
            assertThat(trainableParameters(net)).isEqualTo(6_807_882L);
        }
    }

    @Test
    void resNet50HasTorchvisionsParameterCountAndDilatesOnRequest() {
        try (NDManager manager = NDManager.newBaseManager()) {
            ResNet net = ResNet.builder().build();
            assertThat(outputShape(net, manager, new Shape(1, 3, 64, 64)))
                    .isEqualTo(new Shape(1, 1000));
            // torchvision.models.resnet50(): 25,557,032 parameters
            assertThat(trainableParameters(net)).isEqualTo(25_557_032L);

            ResNet features = ResNet.builder().setNumClasses(0).build();
            assertThat(outputShape(features, manager, new Shape(1, 3, 64, 64)))
                    .isEqualTo(new Shape(1, 2048, 2, 2));
            ResNet dilated =
                    ResNet.builder().setNumClasses(0).optDilation(false, true, true).build();
            // output stride 8 instead of 32, same parameters
            assertThat(outputShape(dilated, manager, new Shape(1, 3, 64, 64)))
                    .isEqualTo(new Shape(1, 2048, 8, 8));
            assertThat(trainableParameters(dilated)).isEqualTo(trainableParameters(features));
        }
    }

    @Test
    void smallCnnMapsImagesToLogits() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Block cnn = SmallCnn.build(7);
            assertThat(outputShape(cnn, manager, new Shape(3, 1, 32, 32)))
                    .isEqualTo(new Shape(3, 7));
        }
    }

    @Test
    void invalidArchitecturesAreNamed() {
        assertThatThrownBy(() -> WideResNet.builder().setDepth(27).build())
                .hasMessageContaining("depth must be 6n + 4")
                .hasMessageContaining("got 27");
        assertThatThrownBy(() -> SmallCnn.build(0)).hasMessageContaining("numClasses must be > 0");
    }
}
