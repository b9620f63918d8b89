package org.djmix.core.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class MemoryTrimListenerTest {

    @Test
    void releasesAfterPowersOfTwoThenEverySixtyFourBatches() {
        long[] releases =
                LongStream.rangeClosed(1, 200).filter(MemoryTrimListener::releasesAfter).toArray();
        assertThat(releases).containsExactly(1, 2, 4, 8, 16, 32, 64, 128, 192);
    }
}
