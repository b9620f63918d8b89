package org.djmix.examples;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import ai.djl.training.TrainingResult;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.djmix.corruptions.Corruption;
import org.djmix.tasks.data.DataSpec;
import org.djmix.tasks.data.ImageDataset;
import org.djmix.tasks.eval.RobustnessReport;
import org.djmix.vqvae.EpochMetrics;
import org.djmix.vqvae.VqVaeDiscretizer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each example main's code path on a small budget (the mains themselves train on 6 000 images):
 * pre-train g, DJMix in EasyTrain, corrupt a folder, evaluate and write the report.
 */
class ExampleMainsTest {

    @TempDir static Path dir;

    private static Path g;

    @BeforeAll
    static void pretrainG() throws IOException {
        g = dir.resolve("g");
        EpochMetrics metrics = PretrainG.pretrain(ExampleData.spec(), 256, 1, g);
        assertThat(metrics.epoch()).isEqualTo(1);
        assertThat(metrics.testMse()).isBetween(0.0, 0.5);
        assertThat(metrics.codesUsed()).isBetween(1, 512);
    }

    @Test
    void pretrainGSavesALoadableDiscretizer() throws IOException {
        try (NDManager manager = NDManager.newBaseManager();
                VqVaeDiscretizer loaded = VqVaeDiscretizer.load(g, manager, 64)) {
            assertThat(loaded.getConfig().imageShape().get(0)).isIn(1L, 3L);
        }
    }

    @Test
    void djmixTrainsInDjlsOwnLoop() throws IOException, TranslateException {
        DataSpec data = DataSpec.parse(ExampleData.spec());
        ImageDataset train = data.read(true).setSampling(64, true).optLimit(256).build();
        ImageDataset test = data.read(false).setSampling(64, false).optLimit(64).build();
        try (NDManager manager = NDManager.newBaseManager();
                VqVaeDiscretizer discretizer = VqVaeDiscretizer.load(g, manager, 64);
                Model model = Model.newInstance("djmix")) {
            TrainingResult result =
                    DJMixInEasyTrain.fit(model, "djmix", discretizer, train, test, 1);
            assertThat(result.getTrainLoss()).isFinite().isPositive();
            assertThat(result.getValidateEvaluation("Accuracy")).isBetween(0f, 1f);
        }
    }

    @Test
    void aFolderIsCorruptedInTheImageNetCLayoutWithItsGrid() throws IOException {
        Path folder = CorruptAFolder.writeSamples(ExampleData.spec(), 3, dir.resolve("folder"));
        Path out = dir.resolve("folder-c");
        CorruptAFolder.corrupt(
                folder,
                out,
                List.of(Corruption.GAUSSIAN_NOISE, Corruption.CONTRAST),
                List.of(1, 5));
        try (var written = Files.walk(out)) {
            assertThat(written.filter(p -> p.toString().endsWith(".png")).count())
                    .isEqualTo(3 * 2 * 2 + 1);
        }
        assertThat(out.resolve("contrast/5")).isDirectory();
        assertThat(ImageIO.read(out.resolve("grid.png").toFile()).getWidth()).isGreaterThan(100);
    }

    @Test
    void robustnessOfABaselineAndDJMixIsReported() throws IOException, TranslateException {
        Path out = dir.resolve("report");
        List<RobustnessReport> reports =
                EvaluateRobustness.compare(
                        ExampleData.spec(),
                        g,
                        256,
                        32,
                        List.of(Corruption.GAUSSIAN_NOISE, Corruption.PIXELATE),
                        out);
        assertThat(reports)
                .extracting(RobustnessReport::model)
                .containsExactly("baseline", "djmix");
        for (RobustnessReport report : reports) {
            assertThat(report.clean()).isBetween(0.0, 1.0);
            assertThat(report.meanCorrupted()).isBetween(0.0, 1.0);
        }
        assertThat(out.resolve("report.md")).content().contains("baseline").contains("djmix");
        assertThat(ImageIO.read(out.resolve("heatmap.png").toFile()).getWidth()).isGreaterThan(100);
    }
}
