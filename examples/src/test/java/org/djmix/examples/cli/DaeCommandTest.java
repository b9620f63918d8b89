package org.djmix.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.djmix.vqvae.AutoencoderConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code djmix dae train} and {@code dae show} on the synthetic shapes, end to end. */
class DaeCommandTest {

    @TempDir Path dir;

    private final CliRun cli = new CliRun();

    private int run(String... args) {
        return cli.run(args);
    }

    @Test
    void trainsOnShapesThenDrawsTheFigure() throws IOException {
        Path model = dir.resolve("dae");
        assertThat(cli.trainSmallDae(model)).as(cli.err()).isZero();
        assertThat(AutoencoderConfig.read(model).architecture()).isEqualTo("vqvae");
        assertThat(Files.readString(model.resolve("metrics.json"))).contains("\"codesUsed\"");

        Path png = dir.resolve("figure/grid.png");
        assertThat(
                        run(
                                "dae",
                                "show",
                                "--run",
                                model.toString(),
                                "--data",
                                "shapes",
                                "--count",
                                "4",
                                "--scale",
                                "2",
                                "--out",
                                png.toString()))
                .as(cli.err())
                .isZero();
        BufferedImage grid = ImageIO.read(png.toFile());
        // 5 rows (x, g(x), three mixes) of 64-pixel cells, 4 columns
        assertThat(grid.getHeight()).isEqualTo(6 + 5 * 64 + 4 * 2 + 6);
        assertThat(grid.getWidth()).isGreaterThan(4 * 64 + 3 * 2);
    }

    @Test
    void aPlainAutoencoderTrainsWithoutCodeMetrics() throws IOException {
        Path model = dir.resolve("plain");
        assertThat(
                        run(
                                "dae",
                                "train",
                                "--plain",
                                "--data",
                                "shapes",
                                "--epochs",
                                "1",
                                "--train-limit",
                                "32",
                                "--batch",
                                "32",
                                "--out",
                                model.toString()))
                .as(cli.err())
                .isZero();
        assertThat(AutoencoderConfig.read(model).architecture()).isEqualTo("plain");
        assertThat(Files.readString(model.resolve("metrics.json"))).doesNotContain("codesUsed");
    }

    @Test
    void aMissingModelGivesOneLineAndExitCodeOne() {
        Path nowhere = dir.resolve("nowhere");
        assertThat(
                        run(
                                "dae",
                                "show",
                                "--run",
                                nowhere.toString(),
                                "--data",
                                "shapes",
                                "--out",
                                dir.resolve("x.png").toString()))
                .isEqualTo(1);
        assertThat(cli.err().lines()).hasSize(1);
        assertThat(cli.err()).startsWith("djmix dae show: no saved autoencoder at " + nowhere);
        assertThat(dir.resolve("x.png")).doesNotExist();
    }

    @Test
    void anUnknownDataKindExitsTwoWithTheKnownForms() {
        assertThat(run("dae", "train", "--data", "mnist:/x", "--out", dir.resolve("m").toString()))
                .isEqualTo(2);
        assertThat(cli.lastErrorLine())
                .contains("Invalid value for option '--data'")
                .contains("unknown data kind 'mnist'")
                .contains("fashion-mnist:DIR");
    }
}
