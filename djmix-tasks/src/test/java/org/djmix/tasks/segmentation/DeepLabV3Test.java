package org.djmix.tasks.segmentation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.djmix.tasks.classification.ResNet;
import org.junit.jupiter.api.Test;

/** Output shapes of both variants, and the builders' refusals. */
class DeepLabV3Test {

    @Test
    void theSmallVariantHasTheSameOutputsAtAFractionOfTheSize() {
        try (NDManager manager = NDManager.newBaseManager()) {
            DeepLabV3 small = DeepLabV3.builder().setNumClasses(5).optSmallBackbone().build();
            Shape input = new Shape(2, 3, 64, 48);
            small.initialize(manager, DataType.FLOAT32, input);
            NDList out =
                    small.forward(
                            new ParameterStore(manager, false),
                            new NDList(manager.randomUniform(0, 1, input)),
                            false);
            // output stride 8: 64×48 → 8×6 logits before upsampling
            assertThat(out.getShapes())
                    .containsExactly(
                            new Shape(2, 5, 64, 48),
                            new Shape(2, 5, 8, 6),
                            new Shape(2, 5, 64, 48));
            long parameters =
                    small.getParameters().values().stream()
                            .mapToLong(p -> p.getArray().size())
                            .sum();
            assertThat(parameters).isBetween(200_000L, 2_000_000L);
        }
    }

    @Test
    void badSettingsAreRefused() {
        assertThatThrownBy(() -> DeepLabV3.builder().optOutputStride(32).build())
                .hasMessage("outputStride must be 8 or 16, got 32");
        assertThatThrownBy(() -> DeepLabV3.builder().setNumClasses(0).build())
                .hasMessage("numClasses must be > 0, got 0");
        assertThatThrownBy(() -> ResNet.builder().optStages(new int[] {1, 1, 1}, 16).build())
                .hasMessage("need 4 stages of at least one block, got [1, 1, 1]");
        assertThatThrownBy(() -> new SegmentationTask("fcn", 21, 8, true, null))
                .hasMessageStartingWith("unknown segmentation model 'fcn'; expected one of");
    }
}
