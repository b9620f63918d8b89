package org.djmix.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ImageNet-style data through the commands: a folder of JPEGs of various sizes ({@code train/} and
 * {@code val/} class folders) streamed by {@code imagenet:DIR@32}: {@code dae train} on random
 * resized crops, {@code train} with DJMix and the ImageNet recipe on decode threads, {@code
 * corrupt} into the ImageNet-C layout, {@code evaluate} from that folder (the same numbers as on
 * the fly, and the blocks it lacks named), and a truncated JPEG named when training stops.
 */
class ImageNetCommandsTest {

    @TempDir static Path dir;

    private static Path images;
    private final CliRun cli = new CliRun();

    @BeforeAll
    static void writeFolder() throws IOException {
        images = dir.resolve("imagenet");
        Random random = new Random(5);
        String[] classes = {"n01", "n02", "n03"};
        for (int c = 0; c < classes.length; c++) {
            for (String split : new String[] {"train", "val"}) {
                Path folder = Files.createDirectories(images.resolve(split).resolve(classes[c]));
                for (int i = 0; i < (split.equals("train") ? 12 : 4); i++) {
                    int w = 40 + random.nextInt(30);
                    int h = 40 + random.nextInt(30);
                    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
                    Graphics2D g = image.createGraphics();
                    // the class is the background's colour; a random patch on top
                    g.setColor(new Color(80 * c + 20, 200 - 60 * c, 40 + 90 * c));
                    g.fillRect(0, 0, w, h);
                    g.setColor(new Color(random.nextInt(0xFFFFFF)));
                    g.fillRect(random.nextInt(w / 2), random.nextInt(h / 2), w / 3, h / 3);
                    g.dispose();
                    ImageIO.write(image, "jpeg", folder.resolve("img" + i + ".JPEG").toFile());
                }
            }
        }
    }

    @Test
    void trainCorruptAndEvaluateAStreamedFolder() throws IOException {
        String data = "imagenet:" + images + "@32";
        Path g = dir.resolve("g");
        assertThat(
                        cli.run(
                                "dae",
                                "train",
                                "--data",
                                data,
                                "--crop",
                                "16",
                                "--epochs",
                                "1",
                                "--batch",
                                "8",
                                "--hidden",
                                "16",
                                "--out",
                                g.toString()))
                .as(cli.lastErr())
                .isZero();
        assertThat(Files.readString(g.resolve("config.json"))).contains("16");
        Path run = dir.resolve("djmix");
        assertThat(
                        cli.run(
                                "train",
                                "--data",
                                data,
                                "--model",
                                "small-cnn",
                                "--method",
                                "djmix",
                                "--dae",
                                g.toString(),
                                "--epochs",
                                "4",
                                "--batch",
                                "6",
                                "--lr",
                                "0.05",
                                "--loader-threads",
                                "2",
                                "--warmup-epochs",
                                "1",
                                "--label-smoothing",
                                "0.1",
                                "--no-decay-on-norms",
                                "--out",
                                run.toString()))
                .as(cli.lastErr())
                .isZero();
        String config = Files.readString(run.resolve("config.json"));
        assertThat(config)
                .contains("\"schedule\": \"step\"")
                .contains("\"labelSmoothing\": \"0.1\"")
                .contains("\"decayNorms\": \"false\"")
                .contains("\"imageShape\": [\n    3,\n    32,\n    32\n  ]");

        Path corrupted = dir.resolve("imagenet-c");
        assertThat(
                        cli.run(
                                "corrupt",
                                "--input",
                                data,
                                "--output",
                                corrupted.toString(),
                                "--corruptions",
                                "gaussian_noise,fog",
                                "--format",
                                "png"))
                .as(cli.lastErr())
                .isZero();
        // the ImageNet-C layout: corruption / severity / class folder / file
        assertThat(corrupted.resolve("fog/2/n02/img3.png")).exists();
        assertThat(ImageIO.read(corrupted.resolve("fog/2/n02/img3.png").toFile()).getWidth())
                .isEqualTo(32);

        String[] common = {
            "evaluate",
            "--run",
            run.toString(),
            "--data",
            data,
            "--corruptions",
            "gaussian_noise,fog",
            "--mce"
        };
        String report = cli.evaluateFolderAndOnTheFly(common, corrupted, "cifar", dir);
        // CE per corruption (AlexNet-normalised); mCE needs all 15
        assertThat(report).contains("\"corruptionErrors\"").contains("\"fog\"");
        assertThat(report).doesNotContain("\"mCE\"");
        // the model learned something, so that the corrupted numbers can differ
        java.util.regex.Matcher clean =
                java.util.regex.Pattern.compile("\"cleanError\": ([0-9.]+)").matcher(report);
        assertThat(clean.find()).isTrue();
        assertThat(Double.parseDouble(clean.group(1)))
                .as(Files.readString(run.resolve("metrics.json")))
                .isLessThan(0.5);

        // a folder that lacks a block: that corruption is left out and named
        try (Stream<Path> files = Files.walk(corrupted.resolve("fog/2"))) {
            files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
        }
        Path partial = dir.resolve("partial-report");
        assertThat(
                        cli.run(
                                CliRun.concat(
                                        common,
                                        "--corrupted",
                                        "imagenet-c:" + corrupted,
                                        "--out",
                                        partial.toString())))
                .as(cli.lastErr())
                .isZero();
        assertThat(cli.lastErr()).contains("lacks 1 block(s): fog/2").contains("gaussian_noise");
        String partialReport = Files.readString(partial.resolve("report.json"));
        assertThat(partialReport).contains("\"gaussian_noise\"").doesNotContain("\"fog\"");
    }

    @Test
    void aTruncatedJpegStopsTrainingWithItsName() throws IOException {
        Path broken = dir.resolve("broken");
        for (String split : new String[] {"train", "val"}) {
            for (String c : new String[] {"n01", "n02"}) {
                Path folder = Files.createDirectories(broken.resolve(split).resolve(c));
                Files.copy(
                        images.resolve(split).resolve(c).resolve("img0.JPEG"),
                        folder.resolve("a.JPEG"));
                Files.copy(
                        images.resolve(split).resolve(c).resolve("img1.JPEG"),
                        folder.resolve("b.JPEG"));
            }
        }
        Path cut = broken.resolve("train/n02/b.JPEG");
        byte[] bytes = Files.readAllBytes(cut);
        Files.write(cut, Arrays.copyOf(bytes, bytes.length * 3 / 4));
        String[] train = {
            "train",
            "--data",
            "imagenet:" + broken + "@32",
            "--model",
            "small-cnn",
            "--method",
            "baseline",
            "--epochs",
            "1",
            "--batch",
            "2"
        };
        assertThat(cli.run(CliRun.concat(train, "--out", dir.resolve("stopped").toString())))
                .isNotZero();
        assertThat(cli.lastErr()).contains(cut.toString());
        Path skipped = dir.resolve("skipped");
        assertThat(cli.run(CliRun.concat(train, "--skip-unreadable", "--out", skipped.toString())))
                .as(cli.lastErr())
                .isZero();
        // the linear scaling rule: 0.1 x 2 / 256
        assertThat(Files.readString(skipped.resolve("config.json")))
                .contains("\"learningRate\": 7.8125E-4");
    }
}
