package org.djmix.core.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Platform;
import org.junit.jupiter.api.Test;

class GlibcMallocTest {

    @Test
    void appliesOnLinuxGlibcAndLargeAllocationsStillWork() {
        boolean applied = GlibcMalloc.keepFreedMemory();
        assertThat(applied).isEqualTo(Platform.isLinux());
        // a block far above the old mmap ceiling is served from the heap and is usable
        java.nio.ByteBuffer big = java.nio.ByteBuffer.allocateDirect(64 << 20);
        big.put(big.capacity() - 1, (byte) 7);
        assertThat(big.get(big.capacity() - 1)).isEqualTo((byte) 7);
    }
}
