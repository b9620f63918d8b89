package org.djmix.tasks.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.loss.SoftmaxCrossEntropyLoss;
import org.djmix.core.TaskOutputs;
import org.junit.jupiter.api.Test;

class ClassificationTaskTest {

    @Test
    void namesAModelAndComparesLogits() {
        ClassificationTask task = new ClassificationTask("small-cnn", 7);
        try (NDManager manager = NDManager.newBaseManager()) {
            Block model = task.model();
            model.initialize(manager, DataType.FLOAT32, new Shape(2, 3, 32, 32));
            assertThat(model.getOutputShapes(new Shape[] {new Shape(2, 3, 32, 32)}))
                    .containsExactly(new Shape(2, 7));
        }
        assertThat(task.taskLoss()).isInstanceOf(SoftmaxCrossEntropyLoss.class);
        assertThat(task.outputs()).isEqualTo(TaskOutputs.classification());
        assertThatThrownBy(() -> new ClassificationTask("vgg", 10))
                .hasMessageContaining("unknown model 'vgg'")
                .hasMessageContaining("wrn-28-2");
        assertThatThrownBy(() -> new ClassificationTask("small-cnn", 0))
                .hasMessageContaining("numClasses must be > 0");
    }
}
