package org.djmix.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Detection through the same commands as the other tasks: {@code train} on shapes-det (baseline and
 * DJMix), {@code corrupt} of its test images, {@code evaluate} (Detection-C: mAP, mPC, rPC; a
 * corrupted folder gives the on-the-fly numbers) and {@code predict} (boxes JSON and overlay).
 */
class DetectionCommandsTest {

    @TempDir Path dir;

    private final CliRun cli = new CliRun();

    @Test
    void trainEvaluateAndPredictADetector() throws IOException {
        Path model = dir.resolve("det");
        assertThat(cli.trainSmallDetector(model, "baseline")).as(cli.lastErr()).isZero();
        assertThat(cli.out()).contains("clean 1 - mAP");
        assertThat(Files.readString(model.resolve("config.json")))
                .contains("\"task\": \"detection\"")
                .contains("\"frozenBatchNorm\": \"false\"")
                .contains("\"classNames\": \"square,disc,triangle,cross\"");

        Path corrupted = dir.resolve("shapes-det-c");
        assertThat(
                        cli.run(
                                "corrupt",
                                "--input",
                                "shapes-det",
                                "--output",
                                corrupted.toString(),
                                "--corruptions",
                                "gaussian_noise,contrast",
                                "--severities",
                                "2",
                                "--format",
                                "png"))
                .as(cli.lastErr())
                .isZero();
        String[] common = {
            "evaluate",
            "--run",
            model.toString(),
            "--data",
            "shapes-det",
            "--corruptions",
            "gaussian_noise,contrast",
            "--severities",
            "2",
            "--test-limit",
            "4"
        };
        String report = cli.evaluateFolderAndOnTheFly(common, corrupted, "auto", dir);
        assertThat(report).contains("\"cleanMAP\"").contains("\"mPC\"").contains("\"rPC\"");
        assertThat(Files.readString(dir.resolve("folder-report").resolve("report.md")))
                .startsWith("| mAP (%) | det |")
                .contains("rPC = mPC / clean");
        assertThat(dir.resolve("folder-report").resolve("heatmap.png")).exists();
        assertThat(cli.out()).contains("det: clean mAP");

        Path images = dir.resolve("images");
        Files.createDirectories(images);
        java.awt.image.BufferedImage picture =
                new java.awt.image.BufferedImage(90, 50, java.awt.image.BufferedImage.TYPE_INT_RGB);
        javax.imageio.ImageIO.write(picture, "png", images.resolve("a.png").toFile());
        Path out = dir.resolve("predicted");
        assertThat(
                        cli.run(
                                "predict",
                                "--run",
                                model.toString(),
                                "--input",
                                images.toString(),
                                "--out",
                                out.toString()))
                .as(cli.lastErr())
                .isZero();
        assertThat(Files.readString(out.resolve("a.boxes.json")).strip()).startsWith("[");
        assertThat(javax.imageio.ImageIO.read(out.resolve("a.overlay.png").toFile()).getWidth())
                .isEqualTo(90);
    }

    @Test
    void djmixTrainsADetectorAndMixupIsRefused() throws IOException {
        Path g = dir.resolve("g");
        assertThat(
                        cli.run(
                                "dae",
                                "train",
                                "--data",
                                "shapes-det",
                                "--crop",
                                "32",
                                "--epochs",
                                "1",
                                "--batch",
                                "8",
                                "--hidden",
                                "16",
                                "--train-limit",
                                "8",
                                "--test-limit",
                                "2",
                                "--out",
                                g.toString()))
                .as(cli.lastErr())
                .isZero();
        assertThat(cli.trainSmallDetector(dir.resolve("djmix"), "djmix", "--dae", g.toString()))
                .as(cli.lastErr())
                .isZero();
        assertThat(Files.readString(dir.resolve("djmix").resolve("config.json")))
                .contains("\"separatePasses\": true");
        assertThat(cli.trainSmallDetector(dir.resolve("mixup"), "mixup")).isEqualTo(1);
        assertThat(cli.lastErr()).contains("mixup").contains("not offered for detection");
        assertThat(
                        cli.run(
                                "train",
                                "--data",
                                "shapes-det",
                                "--model",
                                "wrn-28-2",
                                "--out",
                                dir.resolve("x").toString()))
                .isEqualTo(1);
        assertThat(cli.lastErr()).contains("wrn-28-2 is not a detection model");
    }
}
