package org.djmix.tasks.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.djmix.corruptions.Corruption;
import org.djmix.corruptions.LabelledImages;
import org.djmix.image.ByteImage;
import org.djmix.io.NpyFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluationTest {

    @TempDir Path dir;

    /** Predicts class 1 when the image's mean is above 0.5, else class 0. */
    private static Block brightnessClassifier() {
        return LambdaBlock.singleton(
                x -> {
                    NDArray mean =
                            x.reshape(x.getShape().get(0), -1).mean(new int[] {1}).reshape(-1, 1);
                    return mean.sub(0.5f).concat(mean.sub(0.5f).neg(), 1).neg();
                },
                "brightness");
    }

    /** Two 1×2×2 grey images, labels 1 (bright) and 0 (dark), as the clean set. */
    private static LabelledImages clean() {
        return new LabelledImages() {
            @Override
            public int size() {
                return 2;
            }

            @Override
            public ByteImage image(int index) {
                int v = index == 0 ? 200 : 40;
                return ByteImage.of(1, 2, 2, v, v, v, v);
            }

            @Override
            public int label(int index) {
                return 1 - index;
            }
        };
    }

    @Test
    void errorsOnAFixedCifarCSetAreTheHandCheckedOnes() throws IOException {
        // fog.npy: 5 severities × 2 images (H, W, C = 2, 2, 1). The bright image (label 1) turns
        // dark (value 100) from severity 3 on; the dark one (label 0) turns bright (210) at 5.
        byte[] data = new byte[5 * 2 * 4];
        for (int s = 0; s < 5; s++) {
            int bright = s >= 2 ? 100 : 200;
            int dark = s == 4 ? 210 : 40;
            for (int p = 0; p < 4; p++) {
                data[(s * 2) * 4 + p] = (byte) bright;
                data[(s * 2 + 1) * 4 + p] = (byte) dark;
            }
        }
        NpyFile.writeBytes(dir.resolve("fog.npy"), new long[] {10, 2, 2, 1}, data);
        NpyFile.writeLongs(dir.resolve("labels.npy"), new long[] {1, 0, 1, 0, 1, 0, 1, 0, 1, 0});
        try (NDManager manager = NDManager.newBaseManager()) {
            Block model = brightnessClassifier();
            model.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 2, 2));
            ImageClassifier f = new ImageClassifier(model, manager, new Shape(1, 2, 2), 8);
            List<RobustnessReport> reports =
                    RobustnessEvaluation.evaluate(
                            Map.of("fixed", f),
                            clean(),
                            CorruptionSource.cifarC(dir),
                            List.of(Corruption.FOG),
                            List.of(1, 2, 3, 4, 5));
            assertThat(reports).hasSize(1);
            RobustnessReport report = reports.get(0);
            assertThat(report.clean()).isZero();
            // severities 1, 2: no mistake; 3, 4: one of two; 5: both
            assertThat(report.values().get("fog")).containsExactly(0, 0, 0.5, 0.5, 1.0);
            assertThat(report.mean("fog")).isCloseTo(0.4, within(1e-12));

            Path out = dir.resolve("report");
            ReportFiles.write(List.of(report, report), Map.of(), false, out);
            assertThat(Files.readString(out.resolve("report.md")))
                    .contains("| error (%) | fixed | fixed |")
                    .contains("| fog | 40.00 | 40.00 |")
                    .contains("| difference from fixed (points) | fixed |")
                    .contains("| mean corrupted | +0.00 [+0.00, +0.00] |")
                    .contains("paired bootstrap over the 2 test images");
            assertThat(report.mistakes().corrupted().get("fog")[4].cardinality()).isEqualTo(2);
            assertThat(Files.readString(out.resolve("report.csv"))).contains("fixed,fog,5,1.0");
            assertThat(ImageIO.read(out.resolve("heatmap.png").toFile()).getWidth())
                    .isGreaterThan(2 * 5 * 40);
            // one panel per corruption, five to a row, under the legend
            java.awt.image.BufferedImage curves =
                    ImageIO.read(out.resolve("severity.png").toFile());
            int corruptions = report.values().size();
            assertThat(curves.getWidth()).isEqualTo(5 * 190);
            assertThat(curves.getHeight()).isEqualTo(24 + ((corruptions + 4) / 5) * 150);
        }
    }

    @Test
    void imagesOfAnotherShapeAreRefusedWithBothShapes() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Block model = brightnessClassifier();
            model.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 2, 2));
            ImageClassifier f = new ImageClassifier(model, manager, new Shape(3, 2, 2), 8);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> f.errorRate(clean()))
                    .hasMessageContaining(
                            "the model takes images of shape (3, 2, 2), image 0 is 1x2x2");
        }
    }

    @Test
    void meanCorruptionErrorMatchesAHandComputation() {
        Map<String, double[]> errors = new LinkedHashMap<>();
        for (Corruption c : Corruption.COMMON) {
            double e = AlexNetErrors.MEAN.get(c);
            errors.put(c.id(), new double[] {e, e, e, e, e});
        }
        // twice AlexNet's error on Gaussian noise (clipped to its mean, 0.886428 → 1.772856)
        errors.put(
                "gaussian_noise", new double[] {1.772856, 1.772856, 1.772856, 1.772856, 1.772856});
        RobustnessReport report =
                new RobustnessReport("m", Metric.ERROR, 0.2, errors, List.of(1, 2, 3, 4, 5));
        // CE = 2 for one corruption, 1 for the 14 others: mCE = 16 / 15
        assertThat(report.meanCorruptionError()).isCloseTo(16.0 / 15, within(1e-12));
        // relative: (E_c − 0.2) / (A_c − 0.43478), averaged
        double sum = 0;
        for (Corruption c : Corruption.COMMON) {
            double a = AlexNetErrors.MEAN.get(c);
            double e = c == Corruption.GAUSSIAN_NOISE ? 1.772856 : a;
            sum += (e - 0.2) / (a - 0.43478);
        }
        assertThat(report.relativeMeanCorruptionError()).isCloseTo(sum / 15, within(1e-12));
    }
}
