package org.djmix.tasks.segmentation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.LambdaBlock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.djmix.corruptions.CorruptedImages;
import org.djmix.corruptions.Corruption;
import org.djmix.corruptions.CorruptionProfile;
import org.djmix.corruptions.LabelledImages;
import org.djmix.image.ByteImage;
import org.djmix.tasks.eval.CorruptionSource;
import org.djmix.tasks.eval.Metric;
import org.djmix.tasks.eval.RobustnessReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Segmentation-C's plumbing with a model whose answer is known: class 0 where the red channel is at
 * least 128, else class 1. Its mIoU on each corrupted block must equal the one computed here from
 * the corrupted pixels themselves.
 */
class SegmentationEvaluationTest {

    @TempDir Path dir;

    /** Four images (sizes 24², 24², 20×32, 24²) whose masks follow the red channel. */
    private static class RedSource implements SegmentationSource {

        private final ByteImage[] images = new ByteImage[4];

        RedSource() {
            SplittableRandom random = new SplittableRandom(3);
            int[][] sizes = {{24, 24}, {24, 24}, {20, 32}, {24, 24}};
            for (int i = 0; i < 4; i++) {
                int h = sizes[i][0];
                int w = sizes[i][1];
                byte[] data = new byte[3 * h * w];
                for (int p = 0; p < data.length; p++) {
                    int y = (p / w) % h;
                    data[p] = (byte) ((y < h / 2 ? 100 : 156) + random.nextInt(-20, 21));
                }
                images[i] = ByteImage.wrap(3, h, w, data);
            }
        }

        @Override
        public int size() {
            return images.length;
        }

        @Override
        public int numClasses() {
            return 2;
        }

        @Override
        public ByteImage image(int index) {
            return images[index];
        }

        @Override
        public ByteImage mask(int index) {
            return maskOf(images[index], index == 1);
        }

        @Override
        public String name(int index) {
            return "red_" + index;
        }
    }

    /** The model's rule applied to an image's pixels; its first row ignored when asked. */
    private static ByteImage maskOf(ByteImage image, boolean ignoreFirstRow) {
        int pixels = image.height() * image.width();
        int[] classes = new int[pixels];
        for (int p = 0; p < pixels; p++) {
            classes[p] = (image.array()[p] & 0xFF) >= 128 ? 0 : 1;
            if (ignoreFirstRow && p < image.width()) {
                classes[p] = SegmentationLoss.IGNORE;
            }
        }
        return ByteImage.of(1, image.height(), image.width(), classes);
    }

    private static Segmenter redRule(NDManager manager) {
        LambdaBlock model =
                new LambdaBlock(
                        inputs -> {
                            NDArray red = inputs.head().get(":, 0:1, :, :");
                            // class 0 wins where red > 127.5 / 255
                            NDArray threshold = red.sub(127.5f / 255);
                            return new NDList(threshold.concat(threshold.neg(), 1));
                        });
        model.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 24, 24));
        return new Segmenter(model, manager, 2, 2);
    }

    @Test
    void meanIouPerBlockEqualsTheRuleOnTheCorruptedPixels() throws IOException {
        RedSource source = new RedSource();
        List<Corruption> corruptions = List.of(Corruption.GAUSSIAN_NOISE, Corruption.CONTRAST);
        CorruptionSource onTheFly =
                CorruptionSource.onTheFly(source.asLabelledImages(), CorruptionProfile.AUTO, 9, 1);
        try (NDManager manager = NDManager.newBaseManager()) {
            Map<String, Segmenter> models = new LinkedHashMap<>();
            models.put("red", redRule(manager));
            List<RobustnessReport> reports =
                    SegmentationEvaluation.evaluate(
                            models, source, onTheFly, corruptions, List.of(1, 5));
            RobustnessReport report = reports.get(0);
            assertThat(report.metric()).isEqualTo(Metric.MEAN_IOU);
            assertThat(report.clean()).isEqualTo(1.0);
            for (Corruption corruption : corruptions) {
                double[] values = report.values().get(corruption.id());
                assertThat(values).hasSize(2);
                int[] severities = {1, 5};
                for (int s = 0; s < 2; s++) {
                    LabelledImages corrupted =
                            CorruptedImages.of(
                                    source.asLabelledImages(),
                                    corruption,
                                    severities[s],
                                    CorruptionProfile.AUTO,
                                    9,
                                    1);
                    ConfusionMatrix expected = new ConfusionMatrix(2);
                    for (int i = 0; i < 4; i++) {
                        expected.add(
                                source.mask(i).samples(),
                                maskOf(corrupted.image(i), false).samples());
                    }
                    assertThat(values[s]).isCloseTo(expected.meanIou(), within(1e-12));
                    if (corruption == Corruption.GAUSSIAN_NOISE) {
                        assertThat(values[s]).isLessThan(1.0);
                    }
                }
            }
        }
    }

    @Test
    void aMaskOfAnotherSizeIsNamed() {
        RedSource source =
                new RedSource() {
                    @Override
                    public ByteImage mask(int index) {
                        return ByteImage.zeros(1, 5, 5);
                    }
                };
        try (NDManager manager = NDManager.newBaseManager()) {
            assertThatThrownBy(() -> redRule(manager).confusion(source.asLabelledImages(), source))
                    .isInstanceOf(IOException.class)
                    .hasMessage("red_0: mask is 5x5, the image 24x24");
        }
    }

    @Test
    void aClassificationRunIsNotASegmenter() throws IOException {
        Files.writeString(
                dir.resolve("config.json"),
                "{\"format\": 1, \"task\": \"classification\", \"model\": \"small-cnn\","
                        + " \"numClasses\": 10, \"imageShape\": [3, 32, 32]}");
        try (NDManager manager = NDManager.newBaseManager()) {
            assertThatThrownBy(() -> Segmenter.load(dir, manager, 1))
                    .isInstanceOf(IOException.class)
                    .hasMessage(
                            dir + " is a classification run; a segmentation run is needed here");
        }
    }
}
