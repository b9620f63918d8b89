package org.djmix.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code djmix evaluate} end to end: a small trained model on shapes, corrupted on the fly. */
class EvaluateCommandTest {

    @TempDir Path dir;

    private final CliRun cli = new CliRun();

    private int run(String... args) {
        return cli.run(args);
    }

    @Test
    void writesAReportAndRefusesDataOfAnotherShape() throws IOException {
        Path model = dir.resolve("baseline");
        assertThat(cli.trainSmallBaseline(model)).as(cli.err()).isZero();
        Path report = dir.resolve("report");
        assertThat(
                        run(
                                "evaluate",
                                "--run",
                                model.toString(),
                                "--data",
                                "shapes",
                                "--corrupt-on-the-fly",
                                "cifar",
                                "--corruptions",
                                "fog,gaussian_noise",
                                "--severities",
                                "1,5",
                                "--test-limit",
                                "40",
                                "--out",
                                report.toString()))
                .as(cli.err())
                .isZero();
        assertThat(Files.readString(report.resolve("report.md")))
                .contains("| error (%) | baseline |")
                .contains("| gaussian_noise |");
        assertThat(report.resolve("heatmap.png")).exists();

        Files.createDirectories(dir.resolve("folder/a"));
        javax.imageio.ImageIO.write(
                new java.awt.image.BufferedImage(16, 16, java.awt.image.BufferedImage.TYPE_INT_RGB),
                "png",
                dir.resolve("folder/a/x.png").toFile());
        for (int i = 0; i < 9; i++) {
            Files.copy(dir.resolve("folder/a/x.png"), dir.resolve("folder/a/y" + i + ".png"));
        }
        assertThat(
                        run(
                                "evaluate",
                                "--run",
                                model.toString(),
                                "--data",
                                "imagefolder:" + dir.resolve("folder"),
                                "--corrupt-on-the-fly",
                                "auto",
                                "--out",
                                dir.resolve("r2").toString()))
                .isEqualTo(1);
        assertThat(cli.err())
                .contains("was trained on images (3, 32, 32), the data has (3, 16, 16)");
    }

    @Test
    void badCorruptionsAndTwoSourcesExitTwo() {
        String[] common = {"evaluate", "--run", "r", "--data", "shapes", "--out", "o"};
        assertThat(
                        run(
                                CliRun.concat(
                                        common,
                                        "--corrupt-on-the-fly",
                                        "cifar",
                                        "--corruptions",
                                        "foo")))
                .isEqualTo(2);
        assertThat(cli.lastErrorLine())
                .contains("Invalid value for option '--corruptions': unknown corruption 'foo'")
                .contains("expected common, validation, segdet, all or names from:");
        assertThat(
                        run(
                                CliRun.concat(
                                        common,
                                        "--corrupt-on-the-fly",
                                        "cifar",
                                        "--corrupted",
                                        "cifar-c:x")))
                .isEqualTo(2);
        assertThat(cli.err()).contains("mutually exclusive");
        assertThat(run(common)).isEqualTo(2);
        assertThat(cli.err()).contains("--corrupted").contains("--corrupt-on-the-fly");
    }

    @Test
    void segmentationRunsGetMeanIouFromAFolderAsOnTheFly() throws IOException {
        Path model = dir.resolve("seg");
        assertThat(cli.trainSmallSegmenter(model)).as(cli.err()).isZero();
        Path corrupted = dir.resolve("shapes-seg-c");
        assertThat(
                        run(
                                "corrupt",
                                "--input",
                                "shapes-seg",
                                "--output",
                                corrupted.toString(),
                                "--corruptions",
                                "gaussian_noise,contrast",
                                "--severities",
                                "3",
                                "--format",
                                "png"))
                .as(cli.err())
                .isZero();
        assertThat(corrupted.resolve("contrast/3/shapes-seg-val-00007.png")).exists();
        String[] common = {
            "evaluate",
            "--run",
            model.toString(),
            "--data",
            "shapes-seg",
            "--corruptions",
            "gaussian_noise,contrast",
            "--severities",
            "3",
            "--test-limit",
            "6"
        };
        String report = cli.evaluateFolderAndOnTheFly(common, corrupted, "auto", dir);
        assertThat(report).contains("\"cleanMIoU\"").contains("\"contrast\"");
        Path fromFolder = dir.resolve("folder-report");
        assertThat(Files.readString(fromFolder.resolve("report.md")))
                .startsWith("| mIoU (%) | seg |");
        assertThat(cli.out()).contains("seg: clean mIoU");

        Path classifier = dir.resolve("classifier");
        assertThat(cli.trainSmallBaseline(classifier)).as(cli.err()).isZero();
        String[] wrongRun = common.clone();
        wrongRun[2] = classifier.toString();
        assertThat(
                        run(
                                CliRun.concat(
                                        wrongRun,
                                        "--corrupt-on-the-fly",
                                        "auto",
                                        "--out",
                                        dir.resolve("r3").toString())))
                .isEqualTo(1);
        assertThat(cli.err()).contains(classifier + " is a classification run");
        Files.createDirectories(dir.resolve("empty"));
        Map<String, String> refusals =
                Map.of(
                        "nowhere",
                        "ImageNet-C folder "
                                + dir.resolve("nowhere")
                                + " does not exist (expected DIR/<corruption>/<severity>/…)",
                        "empty",
                        "holds none of the corruptions asked for at every severity asked for;"
                                + " missing: gaussian_noise/3");
        for (Map.Entry<String, String> refusal : refusals.entrySet()) {
            String[] args =
                    CliRun.concat(
                            common,
                            "--corrupted",
                            "imagenet-c:" + dir.resolve(refusal.getKey()),
                            "--out",
                            dir.resolve("r-" + refusal.getKey()).toString());
            assertThat(run(args)).isEqualTo(1);
            assertThat(cli.lastErr()).contains(refusal.getValue());
        }
    }

    @Test
    void predictWritesAPaletteMaskAndAnOverlayPerImage() throws IOException {
        Path model = dir.resolve("seg");
        assertThat(cli.trainSmallSegmenter(model)).as(cli.err()).isZero();
        Path images = dir.resolve("images");
        Files.createDirectories(images.resolve("sub"));
        java.awt.image.BufferedImage picture =
                new java.awt.image.BufferedImage(40, 24, java.awt.image.BufferedImage.TYPE_INT_RGB);
        picture.setRGB(5, 5, 0xFF0000);
        javax.imageio.ImageIO.write(picture, "png", images.resolve("a.png").toFile());
        javax.imageio.ImageIO.write(picture, "jpeg", images.resolve("sub/b.jpg").toFile());
        Path out = dir.resolve("predicted");
        assertThat(
                        run(
                                "predict",
                                "--run",
                                model.toString(),
                                "--input",
                                images.toString(),
                                "--out",
                                out.toString()))
                .as(cli.err())
                .isZero();
        for (String stem : new String[] {"a", "sub/b"}) {
            java.awt.image.BufferedImage mask =
                    javax.imageio.ImageIO.read(out.resolve(stem + ".mask.png").toFile());
            assertThat(mask.getWidth()).isEqualTo(40);
            assertThat(mask.getHeight()).isEqualTo(24);
            assertThat(mask.getColorModel()).isInstanceOf(java.awt.image.IndexColorModel.class);
            int[] classes = mask.getRaster().getPixels(0, 0, 40, 24, (int[]) null);
            assertThat(java.util.Arrays.stream(classes).min().getAsInt()).isNotNegative();
            assertThat(java.util.Arrays.stream(classes).max().getAsInt()).isLessThan(5);
            assertThat(out.resolve(stem + ".overlay.png")).exists();
        }
        assertThat(cli.out()).contains("wrote 2 masks and overlays to " + out);
        assertThat(
                        run(
                                "predict",
                                "--run",
                                model.toString(),
                                "--input",
                                images.resolve("a.png").toString(),
                                "--out",
                                dir.resolve("one").toString()))
                .as(cli.err())
                .isZero();
        assertThat(dir.resolve("one/a.mask.png")).exists();
        assertThat(
                        run(
                                "predict",
                                "--run",
                                model.toString(),
                                "--input",
                                dir.resolve("missing.png").toString(),
                                "--out",
                                out.toString()))
                .isEqualTo(1);
        assertThat(cli.err())
                .contains("image file " + dir.resolve("missing.png") + " does not exist");
    }
}
