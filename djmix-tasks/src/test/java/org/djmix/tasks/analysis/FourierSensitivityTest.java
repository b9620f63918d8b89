package org.djmix.tasks.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import java.util.Random;
import org.djmix.corruptions.LabelledImages;
import org.djmix.image.ByteImage;
import org.djmix.tasks.eval.ImageClassifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FourierSensitivityTest {

    private static final int N = 24;
    private NDManager manager;
    private ImageClassifier classifier;
    private LabelledImages images;

    @BeforeEach
    void setUp() {
        manager = NDManager.newBaseManager();
        SequentialBlock model =
                new SequentialBlock()
                        .add(Blocks.batchFlattenBlock())
                        .add(Linear.builder().setUnits(3).build());
        manager.getEngine().setRandomSeed(5);
        model.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 8, 8));
        classifier = new ImageClassifier(model, manager, new Shape(3, 8, 8), 10);
        Random random = new Random(9);
        ByteImage[] pictures = new ByteImage[N];
        int[] labels = new int[N];
        for (int k = 0; k < N; k++) {
            byte[] samples = new byte[3 * 8 * 8];
            random.nextBytes(samples);
            pictures[k] = ByteImage.wrap(3, 8, 8, samples);
            labels[k] = random.nextInt(3);
        }
        images =
                new LabelledImages() {
                    @Override
                    public int size() {
                        return N;
                    }

                    @Override
                    public ByteImage image(int index) {
                        return pictures[index];
                    }

                    @Override
                    public int label(int index) {
                        return labels[index];
                    }
                };
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    @Test
    void aPerturbationHasNormEpsilonPerChannelAndARandomSign() {
        FourierBasis basis = new FourierBasis(8, 8);
        FourierSensitivity sensitivity = FourierSensitivity.builder().optEpsilon(4f).build();
        NDArray p = sensitivity.perturbation(manager, basis, 2, -3, 5, 6, 3);
        assertThat(p.getShape()).isEqualTo(new Shape(6, 3, 8, 8));
        float[] u = basis.image(2, -3);
        float[] values = p.toFloatArray();
        int positive = 0;
        for (int plane = 0; plane < 6 * 3; plane++) {
            double norm = 0;
            double dot = 0;
            for (int k = 0; k < 64; k++) {
                float v = values[plane * 64 + k];
                norm += v * v;
                dot += v * u[k];
            }
            assertThat(Math.sqrt(norm)).isCloseTo(4, within(1e-4));
            assertThat(Math.abs(dot)).isCloseTo(4, within(1e-4));
            positive += dot > 0 ? 1 : 0;
        }
        assertThat(positive).isBetween(1, 17);
        // the signs are the image's: the same images in another batch get the same perturbation
        NDArray again = sensitivity.perturbation(manager, basis, 2, -3, 7, 2, 3);
        assertThat(again.toFloatArray()).containsExactly(p.get("2:4").toFloatArray());
    }

    @Test
    void withoutPerturbationEveryFrequencyHasTheCleanError() {
        FourierMap map =
                FourierSensitivity.builder()
                        .optEpsilon(0f)
                        .build()
                        .measure(classifier, images, manager);
        double clean = classifier.errorRate(images);
        for (double[] row : map.errors()) {
            for (double error : row) {
                assertThat(error).isEqualTo(clean);
            }
        }
        assertThat(map.minRow()).isEqualTo(-4);
        assertThat(map.highFrequencyMeanError()).isCloseTo(clean, within(1e-12));
    }

    @Test
    void theMapIsSymmetricReproducibleAndStridedSamplingMeasuresTheSameCells() {
        FourierMap map =
                FourierSensitivity.builder()
                        .optSeed(3)
                        .optBatchSize(7)
                        .build()
                        .measure(classifier, images, manager);
        FourierBasis basis = new FourierBasis(8, 8);
        double[][] e = map.errors();
        boolean differs = false;
        for (int i = -4; i < 4; i++) {
            for (int j = -4; j < 4; j++) {
                int[] c = basis.conjugate(i, j);
                assertThat(e[i + 4][j + 4]).isBetween(0.0, 1.0).isEqualTo(e[c[0] + 4][c[1] + 4]);
                differs |= e[i + 4][j + 4] != e[4][4];
            }
        }
        assertThat(differs).as("perturbations of norm 4 change some predictions").isTrue();
        FourierMap same =
                FourierSensitivity.builder()
                        .optSeed(3)
                        .build()
                        .measure(classifier, images, manager);
        assertThat(same.errors()).isDeepEqualTo(e);
        FourierMap strided =
                FourierSensitivity.builder()
                        .optSeed(3)
                        .optStride(2)
                        .build()
                        .measure(classifier, images, manager);
        for (int r = 0; r < 8; r++) {
            for (int c = 0; c < 8; c++) {
                if (r % 2 == 0 && c % 2 == 0) {
                    assertThat(strided.errors()[r][c]).isEqualTo(e[r][c]);
                }
            }
        }
        assertThat(strided.errors()[1]).containsOnly(Double.NaN);
    }
}
