package org.djmix.tasks.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.Batch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.djmix.core.Discretizer;
import org.djmix.core.method.MethodOptions;
import org.djmix.core.method.Methods;
import org.djmix.tasks.training.EpochResult;
import org.djmix.tasks.training.RunConfig;
import org.djmix.tasks.training.TaskTrainer;
import org.djmix.tasks.training.WarmupStepDecay;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faster R-CNN trains with DJMix through the same trainer as the other tasks (targets through DJL's
 * labels, views in separate passes, JS on the backbone's output), its batches are padded as
 * torchvision's, and its learning rate warms up and drops as the reference's.
 */
class DetectionTrainingTest {

    @TempDir Path dir;

    @Test
    void fasterRcnnTrainsWithDjmixAndRecordsOneMinusMap() throws IOException {
        DetectionTask task =
                new DetectionTask("fasterrcnn-small", Shapes4.CLASSES, 5, false, 5, null);
        DetectionTransform transform = new DetectionTransform(64, 64, false);
        ShapesDetection train = new ShapesDetection(true, 4, 64);
        RunConfig config =
                new RunConfig(
                        RunConfig.FORMAT,
                        "test",
                        "detection",
                        "fasterrcnn-small",
                        Shapes4.CLASSES,
                        new long[] {3, 64, 64},
                        "shapes-det",
                        "djmix",
                        null,
                        null,
                        true,
                        1,
                        2,
                        0.01f,
                        1e-4f,
                        0.9f,
                        0,
                        3,
                        task.options(transform, train.classNames()));
        TaskTrainer trainer =
                TaskTrainer.of(
                        task,
                        Methods.create(
                                "djmix",
                                MethodOptions.builder()
                                        .setDiscretizer(Discretizer.identity())
                                        .optSeed(3)
                                        .optSeparatePasses(true)
                                        .optTaskOutputs(task.outputs())
                                        .build()),
                        config);
        DetectionDataset val =
                DetectionDataset.builder()
                        .setSource(new ShapesDetection(false, 2, 64))
                        .setTransform(transform)
                        .setSampling(2, false)
                        .build();
        List<EpochResult> history =
                trainer.train(
                        (sampler, seed) ->
                                DetectionDataset.builder()
                                        .setSource(train)
                                        .setTransform(new DetectionTransform(64, 64, true))
                                        .optTraining(seed)
                                        .setSampling(sampler)
                                        .build(),
                        val,
                        dir,
                        false);
        assertThat(history).hasSize(1);
        assertThat(history.get(0).trainLoss()).isFinite().isPositive();
        assertThat(history.get(0).testError()).isBetween(0.0, 1.0);
        assertThat(Files.isRegularFile(dir.resolve("model.params"))).isTrue();
        assertThat(RunConfig.read(dir).options()).containsEntry(DetectionTask.MIN_SIZE, "64");
    }

    @Test
    void batchesArePaddedToMultiplesOf32AndTheMostObjects() throws Exception {
        DetectionSource source = new ShapesDetection(false, 3, 40);
        DetectionDataset data =
                DetectionDataset.builder()
                        .setSource(source)
                        .setTransform(new DetectionTransform(40, 70, false))
                        .setSampling(3, false)
                        .build();
        try (NDManager manager = NDManager.newBaseManager()) {
            Batch batch = data.getData(manager).iterator().next();
            NDList x = batch.getData();
            assertThat(x.get(0).getShape()).isEqualTo(new Shape(3, 3, 64, 64));
            assertThat(x.get(1).toFloatArray()).containsExactly(40, 40, 40, 40, 40, 40);
            NDList y = batch.getLabels();
            int most = 0;
            for (int i = 0; i < 3; i++) {
                most = Math.max(most, source.annotation(i).size());
            }
            assertThat(y.get(0).getShape()).isEqualTo(new Shape(3, most, 4));
            float[] classes = y.get(1).toFloatArray();
            for (int i = 0; i < 3; i++) {
                DetectionSource.Annotation a = source.annotation(i);
                for (int j = 0; j < most; j++) {
                    assertThat(classes[i * most + j]).isEqualTo(j < a.size() ? a.labels()[j] : -1f);
                }
            }
            // the padding outside the 40x40 image is zero
            NDArray image = x.get(0).get("0, :, 40:, :");
            assertThat(image.abs().sum().getFloat()).isZero();
            batch.close();
        }
    }

    @Test
    void transformResizesAndFlipsBoxesWithTheImage() {
        org.djmix.image.ByteImage image = org.djmix.image.ByteImage.zeros(3, 100, 200);
        image.set(0, 10, 20, 255);
        DetectionTransform transform = new DetectionTransform(50, 80, true);
        // scale = min(50/100, 80/200) = 0.4 -> 40 x 80
        DetectionTransform.Result flipped =
                transform.apply(
                        image,
                        new float[] {20, 10, 60, 50},
                        new org.apache.commons.math3.random.MersenneTwister(0) {
                            @Override
                            public boolean nextBoolean() {
                                return true;
                            }
                        });
        assertThat(flipped.image().height()).isEqualTo(40);
        assertThat(flipped.image().width()).isEqualTo(80);
        assertThat(flipped.boxes()).containsExactly(80 - 24f, 4f, 80 - 8f, 20f);
        assertThat(flipped.flipped()).isTrue();
    }

    @Test
    void learningRateWarmsUpThenDropsTwice() {
        WarmupStepDecay schedule = new WarmupStepDecay(0.02f, 2600, 100);
        assertThat(schedule.getNewValue(0)).isCloseTo(0.02f * 1e-3f, within(1e-9f));
        assertThat(schedule.getNewValue(50)).isCloseTo(0.02f * (0.5f + 0.5e-3f), within(1e-7f));
        assertThat(schedule.getNewValue(100)).isEqualTo(0.02f);
        assertThat(schedule.getNewValue(1599)).isEqualTo(0.02f);
        assertThat(schedule.getNewValue(1600)).isCloseTo(0.002f, within(1e-8f));
        assertThat(schedule.getNewValue(2200)).isCloseTo(0.0002f, within(1e-9f));
    }

    /** The shapes' classes. */
    private static final class Shapes4 {
        static final int CLASSES = new ShapesDetection(false, 1, 64).classNames().size();
    }
}
