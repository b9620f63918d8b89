package org.djmix.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.djmix.corruptions.CifarCDirectory;
import org.djmix.corruptions.Corruption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code djmix corrupt} end to end on small inputs, and its answers to bad input. */
class CorruptCommandTest {

    @TempDir Path dir;

    private final CliRun cli = new CliRun();

    private int run(String... args) {
        return cli.run(args);
    }

    @Test
    void writesTheCifarLayoutForADatasetAndAGrid() throws IOException {
        Path out = dir.resolve("shapes-c");
        Path grid = dir.resolve("grid.png");
        assertThat(
                        run(
                                "corrupt",
                                "--input",
                                "shapes",
                                "--output",
                                out.toString(),
                                "--corruptions",
                                "fog,pixelate",
                                "--severities",
                                "2-3",
                                "--grid",
                                grid.toString()))
                .as(cli.err())
                .isZero();
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("fog.npy", "pixelate.npy", "labels.npy");
        }
        assertThat(ImageIO.read(grid.toFile()).getHeight()).isGreaterThan(2 * 32 * 4);
    }

    @Test
    void writesTheImageNetLayoutForAFolder() throws IOException {
        Path images = dir.resolve("in/cats");
        Files.createDirectories(images);
        java.awt.image.BufferedImage cat =
                new java.awt.image.BufferedImage(40, 24, java.awt.image.BufferedImage.TYPE_INT_RGB);
        ImageIO.write(cat, "png", images.resolve("tom.png").toFile());
        Path out = dir.resolve("out");
        assertThat(
                        run(
                                "corrupt",
                                "--input",
                                dir.resolve("in").toString(),
                                "--output",
                                out.toString(),
                                "--corruptions",
                                "contrast",
                                "--severities",
                                "5"))
                .as(cli.err())
                .isZero();
        Path written = out.resolve("contrast/5/cats/tom.jpg");
        assertThat(written).exists();
        assertThat(ImageIO.read(written.toFile()).getWidth()).isEqualTo(40);
    }

    @Test
    void badOptionValuesExitTwoWithTheAllowedValues() {
        String out = dir.resolve("o").toString();
        assertThat(run("corrupt", "--input", "shapes", "--output", out, "--corruptions", "rain"))
                .isEqualTo(2);
        assertThat(cli.lastErrorLine())
                .contains("Invalid value for option '--corruptions': unknown corruption 'rain'")
                .contains("common, validation, segdet, all or names from: gaussian_noise,");
        assertThat(run("corrupt", "--input", "shapes", "--output", out, "--severities", "7"))
                .isEqualTo(2);
        assertThat(cli.lastErrorLine())
                .contains("Invalid value for option '--severities': '7' is not a severity list")
                .contains("severities 1 to 5");
        assertThat(run("corrupt", "--input", "shapes", "--output", out, "--profile", "mnist"))
                .isEqualTo(2);
        assertThat(cli.err()).contains("--profile").contains("CIFAR, IMAGENET, AUTO");
    }

    @Test
    void badInputGivesOneLineAndExitCodeOne() throws IOException {
        String out = dir.resolve("o").toString();
        assertThat(run("corrupt", "--input", dir.toString(), "--output", out, "--format", "npy"))
                .isEqualTo(1);
        assertThat(cli.err()).contains("holds no image");
        Path file = dir.resolve("plain-file");
        Files.writeString(file, "x");
        assertThat(
                        run(
                                "corrupt",
                                "--input",
                                "shapes",
                                "--output",
                                file.resolve("sub").toString(),
                                "--corruptions",
                                "contrast"))
                .isEqualTo(1);
        assertThat(cli.err().lines().toList().get(cli.err().lines().toList().size() - 1))
                .startsWith("djmix corrupt: ")
                .contains(file.toString());
        assertThat(Corruption.COMMON).hasSize(15);
        assertThat(dir.resolve("o")).doesNotExist();
    }

    @Test
    void anUnreadableImageIsNamedAndNothingHalfWrittenStays() throws IOException {
        Path images = dir.resolve("in");
        Files.createDirectories(images);
        ImageIO.write(
                new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB),
                "png",
                images.resolve("a.png").toFile());
        byte[] png = Files.readAllBytes(images.resolve("a.png"));
        Files.write(images.resolve("b.png"), java.util.Arrays.copyOf(png, 20));
        Path out = dir.resolve("out");
        assertThat(
                        run(
                                "corrupt",
                                "--input",
                                images.toString(),
                                "--output",
                                out.toString(),
                                "--corruptions",
                                "contrast",
                                "--severities",
                                "1"))
                .isEqualTo(1);
        assertThat(cli.err()).contains("b.png is not a readable image");
        if (Files.exists(out)) {
            try (Stream<Path> files = Files.walk(out)) {
                assertThat(files.filter(p -> p.getFileName().toString().endsWith(".tmp")))
                        .isEmpty();
            }
        }
    }

    @Test
    void aTruncatedCorruptionFileIsNamedWhenRead() throws IOException {
        Path out = dir.resolve("c");
        assertThat(
                        run(
                                "corrupt",
                                "--input",
                                "shapes",
                                "--output",
                                out.toString(),
                                "--corruptions",
                                "contrast",
                                "--severities",
                                "1-5"))
                .isZero();
        Path file = out.resolve("contrast.npy");
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> CifarCDirectory.read(out, Corruption.CONTRAST, 1))
                .hasMessageContaining("contrast.npy is truncated");
    }
}
