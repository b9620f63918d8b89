package org.djmix.core.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The three consistency divergences against hand computations (the paper's equations) and their
 * laws. Expected values for the larger cases were computed independently in float64 NumPy from the
 * formulas; case 1 is computed in the test itself.
 */
class ConsistencyLossTest {

    private static final double LN2 = Math.log(2);

    private NDManager manager;

    @BeforeEach
    void setUp() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    private NDArray logits(float[] values, long... shape) {
        return manager.create(values, new Shape(shape));
    }

    private static float value(ConsistencyLoss loss, NDArray... views) {
        return loss.evaluate(new NDList(), new NDList(views)).getFloat();
    }

    @Test
    void jensenShannonOfTwoBinaryDistributionsMatchesTheFormula() {
        // p = softmax(0, 0) = (1/2, 1/2), q = softmax(ln 3, 0) = (3/4, 1/4), M = (5/8, 3/8)
        double klP = 0.5 * Math.log(0.5 / 0.625) + 0.5 * Math.log(0.5 / 0.375);
        double klQ = 0.75 * Math.log(0.75 / 0.625) + 0.25 * Math.log(0.25 / 0.375);
        double expected = 0.5 * (klP + klQ);
        float js =
                value(
                        new JensenShannonLoss(),
                        logits(new float[] {0, 0}, 1, 2),
                        logits(new float[] {(float) Math.log(3), 0}, 1, 2));
        assertThat((double) js).isCloseTo(expected, within(1e-6));
        assertThat((double) js).isCloseTo(0.03382207556860525, within(1e-6));
    }

    @Test
    void jensenShannonOfABatchOfThreeViewsAveragesOverTheBatch() {
        NDArray a = logits(new float[] {1, 2, 3, 0.5f, -1, 2}, 2, 3);
        NDArray b = logits(new float[] {3, 2, 1, 0, 0, 0}, 2, 3);
        NDArray c = logits(new float[] {-1, 0, 4, 2, 1, -2}, 2, 3);
        JensenShannonLoss js = new JensenShannonLoss();
        assertThat((double) value(js, a, b, c)).isCloseTo(0.3210699759075944, within(1e-6));
        assertThat((double) value(js, a, b)).isCloseTo(0.1868101179022542, within(1e-6));
    }

    @Test
    void segmentationLogitsUseTheChannelAxisAndAverageOverPixels() {
        NDArray a = logits(new float[] {1, -1, 0.5f, 2, 0, 0, 1.5f, -0.5f}, 1, 2, 2, 2);
        NDArray b = logits(new float[] {0, 1, 0.5f, -2, 1, 0, 0, 0.5f}, 1, 2, 2, 2);
        assertThat((double) value(new JensenShannonLoss(), a, b))
                .isCloseTo(0.17780339048679036, within(1e-6));
        assertThat((double) value(new KLDivergenceLoss(), a, b))
                .isCloseTo(0.8294542786386752, within(1e-6));
        assertThat((double) value(new L2ConsistencyLoss(), a, b))
                .isCloseTo(0.6358322902297997, within(1e-6));
    }

    @Test
    void klIsKlOfCleanToMixedAndL2ComparesProbabilities() {
        NDArray mixed = logits(new float[] {0, 0}, 1, 2);
        NDArray clean = logits(new float[] {(float) Math.log(3), 0}, 1, 2);
        double kl = 0.75 * Math.log(0.75 / 0.5) + 0.25 * Math.log(0.25 / 0.5);
        assertThat((double) value(new KLDivergenceLoss(), mixed, clean))
                .isCloseTo(kl, within(1e-6));
        assertThat((double) value(new L2ConsistencyLoss(), mixed, clean))
                .isCloseTo(0.125, within(1e-6));

        NDArray a = logits(new float[] {1, 2, 3, 0.5f, -1, 2}, 2, 3);
        NDArray b = logits(new float[] {3, 2, 1, 0, 0, 0}, 2, 3);
        assertThat((double) value(new KLDivergenceLoss(), a, b))
                .isCloseTo(0.8965598865989648, within(1e-6));
        assertThat((double) value(new L2ConsistencyLoss(), a, b))
                .isCloseTo(0.4889099254492445, within(1e-6));
    }

    static Stream<Arguments> seeds() {
        return Stream.of(1L, 2L, 3L, 4L, 5L).map(Arguments::of);
    }

    private NDArray randomLogits(Random random, long... shape) {
        float[] values = new float[(int) new Shape(shape).size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (random.nextGaussian() * 3);
        }
        return logits(values, shape);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void jensenShannonAndL2AreSymmetricZeroOnEqualInputsAndBounded(long seed) {
        Random random = new Random(seed);
        NDArray a = randomLogits(random, 8, 10);
        NDArray b = randomLogits(random, 8, 10);
        for (ConsistencyLoss loss :
                new ConsistencyLoss[] {new JensenShannonLoss(), new L2ConsistencyLoss()}) {
            assertThat(value(loss, a, b)).isCloseTo(value(loss, b, a), within(1e-6f));
            assertThat(value(loss, a, a)).isCloseTo(0f, within(1e-6f));
        }
        assertThat((double) value(new JensenShannonLoss(), a, b)).isBetween(0.0, LN2 + 1e-6);
        assertThat(value(new KLDivergenceLoss(), a, a)).isCloseTo(0f, within(1e-6f));
        assertThat(value(new KLDivergenceLoss(), a, b)).isGreaterThan(0f);
    }

    @Test
    void jensenShannonApproachesLn2ForDisjointPredictions() {
        NDArray a = logits(new float[] {40, -40, 40, -40}, 2, 2);
        NDArray b = logits(new float[] {-40, 40, -40, 40}, 2, 2);
        float js = value(new JensenShannonLoss(), a, b);
        assertThat((double) js).isLessThanOrEqualTo(LN2 + 1e-6).isCloseTo(LN2, within(1e-5));
    }

    @ParameterizedTest
    @ValueSource(strings = {"js", "kl", "l2"})
    void gradientsReachBothViews(String name) {
        ConsistencyLoss loss =
                switch (name) {
                    case "js" -> new JensenShannonLoss();
                    case "kl" -> new KLDivergenceLoss();
                    default -> new L2ConsistencyLoss();
                };
        NDArray a = logits(new float[] {1, 2, 3, 0.5f, -1, 2}, 2, 3);
        NDArray b = logits(new float[] {3, 2, 1, 0, 0, 0}, 2, 3);
        a.setRequiresGradient(true);
        b.setRequiresGradient(true);
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            collector.backward(loss.evaluate(new NDList(), new NDList(a, b)));
        }
        assertThat(a.getGradient().abs().sum().getFloat()).isGreaterThan(1e-4f);
        assertThat(b.getGradient().abs().sum().getFloat()).isGreaterThan(1e-4f);
        assertThat(a.getGradient().isNaN().any().getBoolean()).isFalse();
    }

    @Test
    void badInputIsRejectedWithTheArgumentNamed() {
        JensenShannonLoss js = new JensenShannonLoss();
        NDArray a = logits(new float[] {1, 2, 3, 4}, 2, 2);
        assertThatThrownBy(() -> value(js, a))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("compares from 2")
                .hasMessageContaining("got 1");
        assertThatThrownBy(() -> value(new KLDivergenceLoss(), a, a, a))
                .hasMessageContaining("compares 2 views")
                .hasMessageContaining("got 3");
        assertThatThrownBy(() -> value(js, a, logits(new float[] {1, 2, 3}, 1, 3)))
                .hasMessageContaining("predictions[1] must have the shape of predictions[0] (2, 2)")
                .hasMessageContaining("(1, 3)");
        assertThatThrownBy(
                        () ->
                                value(
                                        js,
                                        logits(new float[] {1, 2}, 2),
                                        logits(new float[] {1, 2}, 2)))
                .hasMessageContaining("predictions[0] must have rank >= 2");
        NDArray withNaN = logits(new float[] {1, Float.NaN, 3, 4}, 2, 2);
        assertThatThrownBy(() -> value(js, a, withNaN))
                .hasMessageContaining("predictions[1] contains NaN logits");
    }
}
