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

    @Test
    void freedHeapMemoryIsGivenBackOnRequest() {
        GlibcMalloc.keepFreedMemory();
        // 64 MB from glibc's heap (no mmap any more), touched, then freed: kept by glibc
        long block = com.sun.jna.Native.malloc(64 << 20);
        assertThat(block).isNotZero();
        new com.sun.jna.Pointer(block).setMemory(0, 64 << 20, (byte) 1);
        com.sun.jna.Native.free(block);
        assertThat(GlibcMalloc.releaseFreeMemory()).isEqualTo(Platform.isLinux());
    }
}
