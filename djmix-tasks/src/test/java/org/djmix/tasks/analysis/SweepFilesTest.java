package org.djmix.tasks.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.djmix.tasks.eval.Metric;
import org.djmix.tasks.eval.ReportSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sweep's files: every grid cell once, in grid order, the baseline when there is one, and
 * nothing written for a gap.
 */
class SweepFilesTest {

    @TempDir Path dir;

    private static final List<Double> BETA0 = List.of(0.5, 2.0);
    private static final List<Double> BETA1 = List.of(1.0);

    private static final List<SweepPoint> POINTS =
            List.of(
                    new SweepPoint(2.0, 1.0, "beta-2-1", 0.10, 0.30),
                    new SweepPoint(0.5, 1.0, "beta-0.5-1", 0.12, 0.25));

    @Test
    void writesTheGridInOrderWithItsBestPoint() throws IOException {
        Path out = dir.resolve("sweep");
        SweepFiles.write(BETA0, BETA1, POINTS, null, out);
        assertThat(Files.readAllLines(out.resolve("sweep.csv")))
                .containsExactly(
                        "beta0,beta1,run,clean_error,mean_corrupted_error",
                        "0.5,1.0,beta-0.5-1,0.12,0.25",
                        "2.0,1.0,beta-2-1,0.1,0.3");
        assertThat(Files.readString(out.resolve("sweep.json")))
                .containsSubsequence("\"lowestMeanCorrupted\"", "\"run\": \"beta-0.5-1\"");
        BufferedImage png = ImageIO.read(out.resolve("sweep.png").toFile());
        // two panels of one 46-pixel column each, two rows of 20 pixels
        assertThat(png.getWidth()).isGreaterThan(2 * 46);
        assertThat(png.getHeight()).isEqualTo(2 * 20 + 8 + 2 * 20 + 8);
        assertThat(Files.readString(out.resolve("sweep.json"))).doesNotContain("baseline");
    }

    @Test
    void aBaselineIsRecordedAndItsTitlesWidenThePanels() throws IOException {
        Path plain = dir.resolve("plain");
        Path out = dir.resolve("sweep");
        SweepFiles.write(BETA0, BETA1, POINTS, null, plain);
        SweepFiles.write(
                BETA0, BETA1, POINTS, new ReportSummary("baseline", Metric.ERROR, 0.09, 0.35), out);
        assertThat(Files.readString(out.resolve("sweep.json")))
                .contains(
                        "\"baseline\": {\n    \"run\": \"baseline\",\n    \"cleanError\": 0.09,\n"
                                + "    \"meanCorruptedError\": 0.35\n  }");
        int wide = ImageIO.read(out.resolve("sweep.png").toFile()).getWidth();
        int narrow = ImageIO.read(plain.resolve("sweep.png").toFile()).getWidth();
        assertThat(wide).isGreaterThan(narrow);
    }

    @Test
    void aGridCellWithoutAPointIsNamed() {
        Path out = dir.resolve("sweep");
        assertThatThrownBy(
                        () ->
                                SweepFiles.write(
                                        BETA0,
                                        BETA1,
                                        List.of(new SweepPoint(0.5, 1.0, "beta-0.5-1", 0.1, 0.3)),
                                        null,
                                        out))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the grid has no point for Beta(2.0, 1.0)");
        assertThat(out).doesNotExist();
    }

    @Test
    void labelsDropAZeroFraction() {
        assertThat(SweepFiles.label(2.0)).isEqualTo("2");
        assertThat(SweepFiles.label(0.5)).isEqualTo("0.5");
    }
}
