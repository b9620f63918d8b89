package org.djmix.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code djmix fourier} end to end on a small model trained on shapes. */
class FourierCommandTest {

    @TempDir Path dir;

    private final CliRun cli = new CliRun();

    @Test
    void drawsTwoModelsSideBySideAndRefusesSegmentationData() throws IOException {
        Path model = dir.resolve("baseline");
        assertThat(cli.trainSmallBaseline(model)).as(cli.err()).isZero();
        Path copy = dir.resolve("again");
        Files.createDirectories(copy);
        try (var files = Files.list(model)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        Path out = dir.resolve("fourier");
        assertThat(
                        cli.run(
                                "fourier",
                                "--run",
                                model.toString(),
                                "--run",
                                copy.toString(),
                                "--data",
                                "shapes",
                                "--images",
                                "16",
                                "--stride",
                                "4",
                                "--out",
                                out.toString()))
                .as(cli.err())
                .isZero();
        assertThat(cli.out()).contains("baseline: mean error over the high-frequency half");
        BufferedImage png = ImageIO.read(out.resolve("fourier.png").toFile());
        assertThat(png.getWidth()).isGreaterThan(2 * 256);
        String json = Files.readString(out.resolve("fourier.json"));
        assertThat(json).contains("\"model\": \"again\"").contains("\"highFrequencyMeanError\"");
        // stride 4 over 32 frequencies: rows and columns -16, -12, ..., 12, whose conjugates are
        // sampled too: 64 cells per model
        assertThat(Files.readAllLines(out.resolve("fourier.csv"))).hasSize(1 + 2 * 64);
        String[] baselineRows =
                Files.readAllLines(out.resolve("fourier.csv")).stream()
                        .filter(l -> l.startsWith("baseline,"))
                        .map(l -> l.substring(l.indexOf(',')))
                        .toArray(String[]::new);
        String[] againRows =
                Files.readAllLines(out.resolve("fourier.csv")).stream()
                        .filter(l -> l.startsWith("again,"))
                        .map(l -> l.substring(l.indexOf(',')))
                        .toArray(String[]::new);
        assertThat(againRows).containsExactly(baselineRows);

        assertThat(
                        cli.run(
                                "fourier",
                                "--run",
                                model.toString(),
                                "--data",
                                "shapes-seg",
                                "--out",
                                dir.resolve("never").toString()))
                .isEqualTo(1);
        assertThat(cli.err()).contains("the Fourier heat map is for classifiers");
    }
}
