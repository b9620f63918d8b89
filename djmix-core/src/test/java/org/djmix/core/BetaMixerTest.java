package org.djmix.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BetaMixerTest {

    private NDManager manager;

    @BeforeEach
    void setUp() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    @Test
    void paperBetaHasMeanTwoThirds() {
        double[] draws = BetaMixer.paper().sample(20_000, new Well19937c(7));
        double mean = Arrays.stream(draws).average().orElseThrow();
        assertThat(mean).isCloseTo(2.0 / 3.0, within(0.01));
        assertThat(Arrays.stream(draws).min().orElseThrow()).isGreaterThanOrEqualTo(0.0);
        assertThat(Arrays.stream(draws).max().orElseThrow()).isLessThanOrEqualTo(1.0);
    }

    @Test
    void sameSeedGivesTheSameStreamAndAnotherSeedAnother() {
        double[] first = BetaMixer.paper().sample(100, new Well19937c(42));
        double[] again = BetaMixer.paper().sample(100, new Well19937c(42));
        double[] other = BetaMixer.paper().sample(100, new Well19937c(43));
        assertThat(again).containsExactly(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void betaOneIsExactlyTheImageAndBetaZeroExactlyTheDiscretizedCopy() {
        NDArray x = manager.randomUniform(0, 1, new Shape(4, 3, 5, 5));
        NDArray g = manager.randomUniform(0, 1, new Shape(4, 3, 5, 5));
        NDArray one = BetaMixer.fixed(1).mix(x, g, new Well19937c(1));
        NDArray zero = BetaMixer.fixed(0).mix(x, g, new Well19937c(1));
        assertThat(one.toFloatArray()).containsExactly(x.toFloatArray());
        assertThat(zero.toFloatArray()).containsExactly(g.toFloatArray());
    }

    @Test
    void eachSampleGetsItsOwnBeta() {
        NDArray x = manager.ones(new Shape(64, 1, 2, 2));
        NDArray g = manager.zeros(new Shape(64, 1, 2, 2));
        double[] expected = BetaMixer.paper().sample(64, new Well19937c(9));
        float[] mixed = BetaMixer.paper().mix(x, g, new Well19937c(9)).toFloatArray();
        for (int i = 0; i < 64; i++) {
            for (int j = 0; j < 4; j++) {
                assertThat(mixed[i * 4 + j]).isCloseTo((float) expected[i], within(1e-6f));
            }
        }
        assertThat(Arrays.stream(expected).distinct().count()).isEqualTo(64);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY})
    void nonPositiveShapeParametersAreRejected(double bad) {
        assertThatThrownBy(() -> BetaMixer.beta(bad, 0.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("beta0 must be a finite value > 0, got " + bad);
        assertThatThrownBy(() -> BetaMixer.beta(1.0, bad))
                .hasMessageContaining("beta1 must be a finite value > 0, got " + bad);
    }

    @Test
    void mismatchedShapesAndFixedBetaOutsideTheUnitIntervalAreRejected() {
        NDArray x = manager.ones(new Shape(2, 1, 2, 2));
        NDArray g = manager.ones(new Shape(2, 1, 2, 3));
        assertThatThrownBy(() -> BetaMixer.paper().mix(x, g, new Well19937c(1)))
                .hasMessageContaining("discretized must have the images' shape (2, 1, 2, 2)")
                .hasMessageContaining("(2, 1, 2, 3)");
        assertThatThrownBy(() -> BetaMixer.fixed(1.5))
                .hasMessageContaining("beta must be in [0, 1], got 1.5");
    }
}
