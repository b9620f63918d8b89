package org.djmix.tasks.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Task options and the mixing round-trip, count as a difference on resume, and are optional in old
 * files.
 */
class RunConfigTest {

    @TempDir Path dir;

    private static RunConfig config(Map<String, String> options) {
        return config(options, null);
    }

    private static RunConfig config(Map<String, String> options, String mixing) {
        return new RunConfig(
                RunConfig.FORMAT,
                "test",
                "segmentation",
                "deeplabv3-small",
                5,
                new long[] {3, 64, 64},
                "shapes-seg",
                "djmix",
                null,
                mixing,
                false,
                30,
                16,
                0.1f,
                1e-4f,
                0.9f,
                0,
                0,
                options);
    }

    @Test
    void taskOptionsRoundTripAndDifferOnResume() throws IOException {
        RunConfig os8 = config(Map.of("outputStride", "8", "auxiliaryHead", "true"));
        Files.writeString(dir.resolve(RunConfig.FILE), os8.toJson());
        RunConfig read = RunConfig.read(dir);
        assertThat(read.options()).containsEntry("outputStride", "8");
        assertThat(read.differencesFrom(os8)).isEmpty();
        RunConfig os16 = config(Map.of("outputStride", "16", "auxiliaryHead", "true"));
        assertThat(os16.differencesFrom(read))
                .isEqualTo(
                        "task options {auxiliaryHead=true, outputStride=16} (the run has"
                                + " {auxiliaryHead=true, outputStride=8})");
    }

    @Test
    void anOlderFileWithoutTaskOptionsHasNone() throws IOException {
        String json = config(Map.of()).toJson().replaceAll(",\\s*\"taskOptions\": \\{\\s*}", "");
        assertThat(json).doesNotContain("taskOptions");
        Files.writeString(dir.resolve(RunConfig.FILE), json);
        RunConfig read = RunConfig.read(dir);
        assertThat(read.options()).isEmpty();
        assertThat(read.differencesFrom(config(Map.of()))).isEmpty();
    }

    @Test
    void anotherBetaIsADifferenceUnlessTheRunPredatesIt() throws IOException {
        RunConfig paper = config(Map.of(), "Beta(1.0, 0.5)");
        Files.writeString(dir.resolve(RunConfig.FILE), paper.toJson());
        RunConfig read = RunConfig.read(dir);
        assertThat(read.mixing()).isEqualTo("Beta(1.0, 0.5)");
        assertThat(config(Map.of(), "Beta(2.0, 2.0)").differencesFrom(read))
                .isEqualTo("mixing Beta(2.0, 2.0) (the run has Beta(1.0, 0.5))");
        assertThat(config(Map.of(), "Beta(2.0, 2.0)").differencesFrom(config(Map.of()))).isEmpty();
    }
}
