package org.djmix.tasks.segmentation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.djmix.core.Discretizer;
import org.djmix.core.method.MethodOptions;
import org.djmix.core.method.Methods;
import org.djmix.tasks.training.EpochResult;
import org.djmix.tasks.training.PolyDecay;
import org.djmix.tasks.training.RunConfig;
import org.djmix.tasks.training.TaskTrainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DeepLab-v3 trains with DJMix through the same trainer as classification. */
class SegmentationTrainingTest {

    @TempDir Path dir;

    @Test
    void deepLabTrainsWithDjmixAndRecordsOneMinusMeanIou() throws IOException {
        // the small DeepLab-v3 at output stride 8, auxiliary head on
        SegmentationTask task =
                new SegmentationTask("deeplabv3-small", ShapesSegmentation.CLASSES, 8, true, null);
        RunConfig config =
                new RunConfig(
                        RunConfig.FORMAT,
                        "test",
                        "segmentation",
                        "deeplabv3-small",
                        ShapesSegmentation.CLASSES,
                        new long[] {3, 32, 32},
                        "shapes-seg",
                        "djmix",
                        null,
                        null,
                        false,
                        1,
                        2,
                        0.01f,
                        1e-4f,
                        0.9f,
                        0,
                        3,
                        java.util.Map.of());
        TaskTrainer trainer =
                TaskTrainer.of(
                        task,
                        Methods.create(
                                "djmix",
                                MethodOptions.builder()
                                        .setDiscretizer(Discretizer.identity())
                                        .optSeed(3)
                                        .optTaskOutputs(task.outputs())
                                        .build()),
                        config);
        ShapesSegmentation train = new ShapesSegmentation(true, 4, 40);
        SegmentationDataset val =
                SegmentationDataset.builder()
                        .setSource(new ShapesSegmentation(false, 2, 40))
                        .setSampling(1, false)
                        .build();
        List<EpochResult> history =
                trainer.train(
                        (sampler, seed) ->
                                SegmentationDataset.builder()
                                        .setSource(train)
                                        .optTransform(new JointTransform(32), seed)
                                        .setSampling(sampler)
                                        .build(),
                        val,
                        dir,
                        false);
        assertThat(history).hasSize(1);
        assertThat(history.get(0).trainLoss()).isFinite().isPositive();
        assertThat(history.get(0).testError()).isBetween(0.0, 1.0);
        assertThat(Files.isRegularFile(dir.resolve("model.params"))).isTrue();
    }

    @Test
    void polyDecayFallsFromTheBaseRateToZero() {
        PolyDecay poly = new PolyDecay(0.02f, 100);
        assertThat(poly.getNewValue(0)).isEqualTo(0.02f);
        assertThat(poly.getNewValue(50))
                .isCloseTo((float) (0.02 * Math.pow(0.5, 0.9)), within(1e-7f));
        assertThat(poly.getNewValue(100)).isZero();
        assertThat(poly.getNewValue(150)).isZero();
    }

    @Test
    void meanIouAccumulatesPixelsOverBatches() {
        MeanIouEvaluator evaluator = new MeanIouEvaluator(2);
        evaluator.addAccumulator("v");
        try (NDManager manager = NDManager.newBaseManager()) {
            // batch 1: one pixel of class 1 predicted right; batch 2: one predicted as 0
            NDList right = new NDList(manager.create(new float[] {0, 1}, new Shape(1, 2, 1, 1)));
            NDList wrong = new NDList(manager.create(new float[] {1, 0}, new Shape(1, 2, 1, 1)));
            NDList label = new NDList(manager.create(new float[] {1}, new Shape(1, 1, 1)));
            evaluator.updateAccumulator("v", label, right);
            evaluator.updateAccumulator("v", label, wrong);
            // class 1: 1 right of 2 labelled, 1 predicted → 1/2; class 0: 0 of 1 predicted → 0
            assertThat(evaluator.getAccumulator("v")).isCloseTo(0.25f, within(1e-6f));
            evaluator.resetAccumulator("v");
            evaluator.updateAccumulator("v", label, right);
            assertThat(evaluator.getAccumulator("v")).isEqualTo(1f);
        }
    }
}
