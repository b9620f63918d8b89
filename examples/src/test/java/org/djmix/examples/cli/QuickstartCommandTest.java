package org.djmix.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole {@code djmix quickstart} pipeline on shapes, with a tiny budget. */
class QuickstartCommandTest {

    @TempDir Path dir;

    private final CliRun cli = new CliRun();

    @Test
    void runsEveryStepAndWritesTheComparison() throws IOException {
        Path out = dir.resolve("qs");
        int code =
                cli.run(
                        "quickstart",
                        "--data",
                        "shapes",
                        "--fast",
                        "--train-limit",
                        "64",
                        "--epochs",
                        "1",
                        "--test-limit",
                        "8",
                        "--out",
                        out.toString());
        assertThat(code).as(cli.err()).isZero();
        assertThat(cli.out())
                .contains("data: shapes (--data)")
                .contains(
                        "budget (--fast): g (h = 64) on 64 images × 2 epochs, unused codes"
                                + " re-seeded every 10 updates; small-cnn on 64 images × 1 epochs per method; 8"
                                + " test images")
                .contains(
                        "$ djmix dae train --data shapes --epochs 2 --train-limit 64 --hidden 64"
                                + " --revival-interval 10 --test-limit 8")
                .contains("$ djmix train --data shapes --model small-cnn --method baseline")
                .contains("--method djmix --epochs 1 --train-limit 64 --test-limit 8")
                .contains("--dae " + out.resolve("dae"))
                .contains("--corrupt-on-the-fly cifar --test-limit 8")
                .contains("| error (%) | baseline | djmix |")
                .contains("**mean, 10 non-brightening**")
                .contains("| difference from baseline (points) | djmix |")
                .contains("quickstart done in");
        Path report = out.resolve("report");
        for (String file : new String[] {"report.md", "report.json", "report.csv", "heatmap.png"}) {
            assertThat(report.resolve(file)).isNotEmptyFile();
        }
        // 8 test images: every error is a multiple of 1/8
        java.util.List<String> rows = Files.readAllLines(report.resolve("report.csv"));
        // a header, then clean + 15 × 5 rows per model
        assertThat(rows).hasSize(1 + 2 * 76).contains("model,corruption,severity,error");
        assertThat(rows.get(1)).startsWith("baseline,clean,0,");
        assertThat(rows.get(77)).startsWith("djmix,clean,0,");
        for (String row : rows.subList(1, rows.size())) {
            double error = Double.parseDouble(row.substring(row.lastIndexOf(',') + 1));
            assertThat(error * 8).as(row).isCloseTo(Math.rint(error * 8), within(1e-9));
        }
    }
}
