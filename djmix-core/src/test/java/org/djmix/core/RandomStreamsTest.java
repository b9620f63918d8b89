package org.djmix.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RandomStreamsTest {

    private static long[] draws(RandomStreams streams, long index) {
        var generator = streams.generator(index);
        return new long[] {generator.nextLong(), generator.nextLong(), generator.nextLong()};
    }

    @Test
    void aGeneratorDependsOnlyOnSeedPurposeAndIndex() {
        RandomStreams beta = new RandomStreams(42).derive("beta");
        assertThat(draws(beta, 5)).containsExactly(draws(new RandomStreams(42).derive("beta"), 5));
        assertThat(draws(beta, 5)).isNotEqualTo(draws(beta, 6));
        assertThat(draws(beta, 5)).isNotEqualTo(draws(new RandomStreams(42).derive("crop"), 5));
        assertThat(draws(beta, 5)).isNotEqualTo(draws(new RandomStreams(43).derive("beta"), 5));
    }
}
