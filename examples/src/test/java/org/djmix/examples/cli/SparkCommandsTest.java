package org.djmix.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code djmix spark corrupt} and {@code djmix spark evaluate} on local[2] against {@code djmix
 * corrupt} and {@code djmix evaluate} with the same arguments.
 */
class SparkCommandsTest {

    @TempDir Path dir;

    private final CliRun cli = new CliRun();

    private static Map<String, byte[]> files(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString(), Files.readAllBytes(file));
            }
        }
        return files;
    }

    @Test
    void sparkCorruptWritesTheFilesOfCorrupt() throws IOException {
        Path input = dir.resolve("photos");
        for (int i = 0; i < 5; i++) {
            BufferedImage image = new BufferedImage(40, 30 + i, BufferedImage.TYPE_3BYTE_BGR);
            Graphics2D g = image.createGraphics();
            g.setColor(new Color(40 * i, 90, 200 - 30 * i));
            g.fillRect(5, 5, 20, 12 + i);
            g.dispose();
            Path folder = Files.createDirectories(input.resolve("album" + (i % 2)));
            ImageIO.write(image, "png", folder.resolve("p" + i + ".png").toFile());
        }
        String[] common = {
            "--input",
            input.toString(),
            "--corruptions",
            "fog,shot_noise",
            "--severities",
            "2,4",
            "--seed",
            "11"
        };
        Path single = dir.resolve("single");
        assertThat(
                        cli.run(
                                CliRun.concat(
                                        new String[] {"corrupt", "--output", single.toString()},
                                        common)))
                .as(cli.err())
                .isZero();
        Path spark = dir.resolve("spark");
        assertThat(
                        cli.run(
                                CliRun.concat(
                                        new String[] {
                                            "spark",
                                            "corrupt",
                                            "--master",
                                            "local[2]",
                                            "--images-per-task",
                                            "2",
                                            "--output",
                                            spark.toString()
                                        },
                                        common)))
                .as(cli.err())
                .isZero();
        assertThat(cli.out()).contains("wrote 20 images to " + spark);
        Map<String, byte[]> expected = files(single);
        Map<String, byte[]> actual = files(spark);
        assertThat(actual.remove("manifest.json")).isNotNull();
        assertThat(actual.keySet()).isEqualTo(expected.keySet()).hasSize(20);
        for (String name : expected.keySet()) {
            assertThat(actual.get(name)).as(name).isEqualTo(expected.get(name));
        }
    }

    @Test
    void sparkEvaluateWritesTheReportOfEvaluate() throws IOException {
        Path model = dir.resolve("baseline");
        assertThat(cli.trainSmallBaseline(model)).as(cli.err()).isZero();
        String[] common = {
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
            "40"
        };
        Path single = dir.resolve("report");
        assertThat(
                        cli.run(
                                CliRun.concat(
                                        new String[] {"evaluate", "--out", single.toString()},
                                        common)))
                .as(cli.err())
                .isZero();
        Path spark = dir.resolve("spark-report");
        assertThat(
                        cli.run(
                                CliRun.concat(
                                        new String[] {
                                            "spark",
                                            "evaluate",
                                            "--master",
                                            "local[2]",
                                            "--images-per-task",
                                            "15",
                                            "--out",
                                            spark.toString()
                                        },
                                        common)))
                .as(cli.err())
                .isZero();
        assertThat(cli.out()).contains("baseline: clean error");
        for (String file : new String[] {"report.json", "report.csv", "report.md"}) {
            assertThat(Files.readString(spark.resolve(file)))
                    .as(file)
                    .isEqualTo(Files.readString(single.resolve(file)));
        }
    }
}
