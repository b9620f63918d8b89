package org.djmix.tasks.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.training.loss.SoftmaxCrossEntropyLoss;
import org.djmix.core.TaskOutputs;
import org.junit.jupiter.api.Test;

class ClassificationTaskTest {

    @Test
    void namesAModelAndComparesLogits() {
        ClassificationTask task = new ClassificationTask("small-cnn", 7);
        assertThat(task.model()).isNotNull();
        assertThat(task.taskLoss()).isInstanceOf(SoftmaxCrossEntropyLoss.class);
        assertThat(task.outputs()).isEqualTo(TaskOutputs.classification());
        for (String name : ClassificationModels.NAMES) {
            assertThat(ClassificationModels.create(name, 10)).as(name).isNotNull();
        }
        assertThatThrownBy(() -> new ClassificationTask("vgg", 10))
                .hasMessageContaining("unknown model 'vgg'")
                .hasMessageContaining("wrn-28-2");
        assertThatThrownBy(() -> new ClassificationTask("small-cnn", 0))
                .hasMessageContaining("numClasses must be > 0");
    }
}
