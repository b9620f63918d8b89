package org.djmix.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.djmix.tasks.eval.ReportSummary;
import org.djmix.tasks.training.RunConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code djmix sweep} on shapes: a 2 × 1 grid, its files, resuming, and bad grids. */
class SweepCommandTest {

    @TempDir Path dir;

    private final CliRun cli = new CliRun();

    /** A 2 × 1 grid. */
    private static final String[] GRID = {"--beta0", "0.5,2", "--beta1", "1"};

    private String[] sweep(Path dae, Path out, String... more) {
        return CliRun.concat(
                new String[] {
                    "sweep",
                    "--data",
                    "shapes",
                    "--dae",
                    dae.toString(),
                    "--epochs",
                    "1",
                    "--batch",
                    "32",
                    "--train-limit",
                    "64",
                    "--test-limit",
                    "8",
                    "--out",
                    out.toString()
                },
                more);
    }

    @Test
    void trainsEachPointOnceAndDrawsTheGrid() throws IOException {
        Path dae = dir.resolve("dae");
        assertThat(cli.trainSmallDae(dae)).as(cli.lastErr()).isZero();
        Path out = dir.resolve("sweep");
        assertThat(cli.run(sweep(dae, out, CliRun.concat(GRID, "--baseline"))))
                .as(cli.lastErr())
                .isZero();
        assertThat(cli.out())
                .contains("--model small-cnn --method baseline --epochs 1")
                .contains("--out " + out.resolve("baseline") + " --resume")
                .contains("sweep: 2 x 1 points (small-cnn, 1 epochs each), 0 already trained")
                .contains("--method djmix --dae " + dae + " --beta 0.5,1 --epochs 1")
                .contains("--beta 2,1")
                .contains("--out " + out.resolve("beta-2-1") + " --resume")
                .contains("--corrupt-on-the-fly cifar --test-limit 8 --seed 0")
                .contains("wrote " + out.resolve("sweep").resolve("sweep.png"));
        assertThat(RunConfig.read(out.resolve("beta-0.5-1")).mixing()).isEqualTo("Beta(0.5, 1.0)");
        assertThat(RunConfig.read(out.resolve("beta-2-1")).mixing()).isEqualTo("Beta(2.0, 1.0)");

        List<ReportSummary> report = ReportSummary.read(out.resolve("report"));
        assertThat(report)
                .extracting(ReportSummary::model)
                .containsExactly("baseline", "beta-0.5-1", "beta-2-1");
        List<String> csv = Files.readAllLines(out.resolve("sweep/sweep.csv"));
        assertThat(csv)
                .containsExactly(
                        "beta0,beta1,run,clean_error,mean_corrupted_error",
                        "0.5,1.0,beta-0.5-1,"
                                + report.get(1).clean()
                                + ","
                                + report.get(1).meanCorrupted(),
                        "2.0,1.0,beta-2-1,"
                                + report.get(2).clean()
                                + ","
                                + report.get(2).meanCorrupted());
        assertThat(Files.readString(out.resolve("sweep/sweep.json")))
                .contains("\"lowestMeanCorrupted\"")
                .contains("\"beta0\": [\n    0.5,\n    2.0\n  ]")
                .contains("\"cleanError\": " + report.get(0).clean());
        BufferedImage png = ImageIO.read(out.resolve("sweep/sweep.png").toFile());
        assertThat(png.getHeight()).isGreaterThan(2 * 20);

        byte[] parameters = Files.readAllBytes(out.resolve("beta-2-1/model.params"));
        long modified = Files.getLastModifiedTime(out.resolve("beta-2-1/model.params")).toMillis();
        assertThat(cli.run(sweep(dae, out, GRID))).as(cli.lastErr()).isZero();
        assertThat(cli.out()).contains("2 already trained");
        assertThat(Files.readAllBytes(out.resolve("beta-2-1/model.params"))).isEqualTo(parameters);
        assertThat(Files.getLastModifiedTime(out.resolve("beta-2-1/model.params")).toMillis())
                .isEqualTo(modified);
    }

    @Test
    void badGridsAndMethodsAreRefusedBeforeTraining() {
        Path dae = dir.resolve("dae");
        Path out = dir.resolve("sweep");
        assertThat(cli.run(sweep(dae, out, "--beta0", "0,1"))).isEqualTo(1);
        assertThat(cli.lastErrorLine())
                .contains("--beta0 takes finite values > 0 separated by commas, got [0.0, 1.0]");
        assertThat(cli.run(sweep(dae, out, "--beta1", "1,1"))).isEqualTo(1);
        assertThat(cli.lastErrorLine()).contains("--beta1 repeats a value: [1.0, 1.0]");
        assertThat(cli.run(sweep(dae, out, "--method", "augmix"))).isEqualTo(1);
        assertThat(cli.lastErrorLine())
                .contains("--method augmix: a sweep trains djmix or djmix-ra");
        assertThat(cli.run(sweep(dae, out, GRID))).isEqualTo(1);
        assertThat(cli.lastErrorLine()).contains("--dae " + dae + " does not exist");
        assertThat(out).doesNotExist();
    }

    @Test
    void trainRefusesABetaItCannotUse() {
        String out = dir.resolve("run").toString();
        assertThat(
                        cli.run(
                                "train",
                                "--data",
                                "shapes",
                                "--model",
                                "small-cnn",
                                "--method",
                                "baseline",
                                "--beta",
                                "1,1",
                                "--out",
                                out))
                .isEqualTo(1);
        assertThat(cli.lastErrorLine())
                .contains(
                        "--beta sets how DJMix draws its mixing weight; --method baseline does"
                                + " not draw one");
        assertThat(cli.run("train", "--data", "shapes", "--beta", "1", "--out", out)).isEqualTo(1);
        assertThat(cli.lastErrorLine())
                .contains("--beta takes two values B0,B1 (e.g. 1,0.5), got 1");
        assertThat(cli.run("train", "--data", "shapes", "--beta", "1,-2", "--out", out))
                .isEqualTo(1);
        assertThat(cli.lastErrorLine())
                .contains("--beta beta1 must be a finite value > 0, got -2.0");
    }
}
