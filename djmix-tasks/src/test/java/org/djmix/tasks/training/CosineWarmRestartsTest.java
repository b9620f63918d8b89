package org.djmix.tasks.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CosineWarmRestartsTest {

    @Test
    void annealsWithinACycleAndRestartsWithLongerCycles() {
        CosineWarmRestarts schedule = new CosineWarmRestarts(0.1f, 0f, 4, 2);
        // cycle 1: updates 1..4 at T_cur 0..3 of 4; cycle 2: updates 5..12 at T_cur 0..7 of 8
        assertThat(schedule.getNewValue(1)).isEqualTo(0.1f);
        assertThat(schedule.getNewValue(2))
                .isCloseTo(0.05f * (1 + (float) Math.cos(Math.PI / 4)), within(1e-7f));
        assertThat(schedule.getNewValue(3)).isCloseTo(0.05f, within(1e-7f));
        assertThat(schedule.getNewValue(5)).isEqualTo(0.1f);
        assertThat(schedule.getNewValue(9)).isCloseTo(0.05f, within(1e-7f));
        assertThat(schedule.getNewValue(13)).isEqualTo(0.1f);
        assertThatThrownBy(() -> new CosineWarmRestarts(0.1f, 0, 0, 1))
                .hasMessageContaining("firstCycle must be > 0");
    }
}
