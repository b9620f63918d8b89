package org.djmix.tasks.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.djmix.core.Discretizer;
import org.djmix.core.method.Method;
import org.djmix.core.method.MethodOptions;
import org.djmix.core.method.Methods;
import org.djmix.tasks.classification.ClassificationTask;
import org.djmix.tasks.data.ImageDataset;
import org.djmix.tasks.data.Shapes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskTrainerTest {

    @TempDir Path dir;

    private static RunConfig config(String method, int epochs) {
        return new RunConfig(
                RunConfig.FORMAT,
                "djmix test",
                "classification",
                "small-cnn",
                4,
                new long[] {3, 32, 32},
                "shapes",
                method,
                null,
                null,
                false,
                epochs,
                16,
                0.05f,
                1e-4f,
                0.9f,
                0,
                7,
                java.util.Map.of());
    }

    private static List<EpochResult> run(Path out, int epochs, int upTo, boolean resume)
            throws IOException {
        Method djmix =
                Methods.create(
                        "djmix",
                        MethodOptions.builder()
                                .setDiscretizer(Discretizer.identity())
                                .optSeed(7)
                                .build());
        TaskTrainer trainer =
                TaskTrainer.of(
                        new ClassificationTask("small-cnn", 4), djmix, config("djmix", epochs));
        ImageDataset.Builder train = Shapes.generate(true).optLimit(48);
        ImageDataset test = Shapes.generate(false).setSampling(16, false).optLimit(32).build();
        return trainer.train(ClassificationTask.trainingData(train), test, out, resume, upTo);
    }

    @Test
    void aKilledAndResumedRunEndsWithTheSameParameters() throws IOException {
        Path whole = dir.resolve("whole");
        Path split = dir.resolve("split");
        List<EpochResult> uninterrupted = run(whole, 2, 2, false);
        run(split, 2, 1, false);
        assertThat(Files.readString(split.resolve("state.json"))).contains("\"epochsDone\": 1");
        List<EpochResult> resumed = run(split, 2, 2, true);
        assertThat(resumed).hasSize(2);
        assertThat(Files.readAllBytes(split.resolve("model.params")))
                .isEqualTo(Files.readAllBytes(whole.resolve("model.params")));
        assertThat(Files.readAllBytes(split.resolve("optimizer.state")))
                .isEqualTo(Files.readAllBytes(whole.resolve("optimizer.state")));
        assertThat(resumed.get(1).testError()).isEqualTo(uninterrupted.get(1).testError());
        assertThat(ImageIO.read(whole.resolve("curve.png").toFile()).getWidth()).isGreaterThan(400);
    }

    @Test
    void resumingWithOtherSettingsIsRefused() throws IOException {
        Path out = dir.resolve("run");
        run(out, 1, 1, false);
        Method baseline = Methods.create("baseline", MethodOptions.builder().build());
        TaskTrainer other =
                TaskTrainer.of(
                        new ClassificationTask("small-cnn", 4), baseline, config("baseline", 1));
        assertThatThrownBy(
                        () ->
                                other.train(
                                        ClassificationTask.trainingData(
                                                Shapes.generate(true).optLimit(48)),
                                        Shapes.generate(false)
                                                .setSampling(16, false)
                                                .optLimit(32)
                                                .build(),
                                        out,
                                        true,
                                        1))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("cannot resume")
                .hasMessageContaining("method baseline (the run has djmix)");
    }
}
