package org.djmix.core.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What {@link GlibcMalloc} promises, observed in the resident memory of a thread started after the
 * settings: a freed 16 MB block (an activation of a small CIFAR network) stays resident (kept for
 * reuse, not unmapped) until {@link GlibcMalloc#releaseFreeMemory()} gives it back. Under glibc's
 * defaults such a block is mmapped and unmapped at once, so the first assertion fails without the
 * settings; and PyTorch's tensors are page-aligned (its transparent-huge-page allocation, switched
 * on by the same policy) in a fresh JVM under the keep policy, and are not under glibc's defaults.
 */
class GlibcMallocTest {

    private static final long BLOCK = 16L << 20;

    @Test
    void aFreedLargeBlockIsKeptUntilReleased() throws Exception {
        boolean applied = GlibcMalloc.keepFreedMemory();
        assertThat(applied).isEqualTo(Platform.isLinux());
        if (!applied) {
            return;
        }
        long[] resident = new long[3];
        Exception[] failure = new Exception[1];
        Thread thread =
                new Thread(
                        () -> {
                            try {
                                long block = Native.malloc(BLOCK);
                                new Pointer(block).setMemory(0, BLOCK, (byte) 1);
                                resident[0] = residentBytes();
                                Native.free(block);
                                resident[1] = residentBytes();
                                GlibcMalloc.releaseFreeMemory();
                                resident[2] = residentBytes();
                            } catch (IOException e) {
                                failure[0] = e;
                            }
                        });
        thread.start();
        thread.join();
        assertThat(failure[0]).isNull();
        assertThat(resident[0] - resident[1]).as("dropped on free").isLessThan(BLOCK / 4);
        assertThat(resident[1] - resident[2]).as("dropped on release").isGreaterThan(BLOCK / 2);
    }

    @Test
    void tensorsArePageAlignedForHugePagesUnderTheKeepPolicyOnly() throws Exception {
        if (!Platform.isLinux()) {
            return;
        }
        // PyTorch reads its switch once, at its first allocation: each policy gets a fresh JVM
        assertThat(pageOffsets(GlibcMalloc.KEEP)).containsOnly(0L);
        assertThat(pageOffsets(GlibcMalloc.SYSTEM)).isNotEqualTo(List.of(0L, 0L, 0L, 0L));
    }

    /** The page offsets of four 4 MB tensors allocated in a fresh JVM under a policy. */
    private static List<Long> pageOffsets(String policy) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder =
                new ProcessBuilder(
                                java.toString(),
                                "-D" + GlibcMalloc.PROPERTY + "=" + policy,
                                "-Dai.djl.offline=true",
                                "-cp",
                                System.getProperty("java.class.path"),
                                TensorAlignmentProbe.class.getName())
                        .redirectError(ProcessBuilder.Redirect.DISCARD);
        // an untouched environment would pass this JVM's own, set by the policy applied here
        builder.environment().remove(GlibcMalloc.TORCH_HUGE_PAGES);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as("probe exit code; output: " + out).isZero();
        List<Long> offsets = out.lines().map(Long::parseLong).toList();
        assertThat(offsets).hasSize(4);
        return offsets;
    }

    @Test
    void anUnknownPolicyIsRefusedNamingThePropertyAndItsValues() {
        String before = System.getProperty(GlibcMalloc.PROPERTY);
        System.setProperty(GlibcMalloc.PROPERTY, "fast");
        try {
            assertThatThrownBy(GlibcMalloc::configure)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("-Ddjmix.malloc must be keep or system, got 'fast'");
        } finally {
            if (before == null) {
                System.clearProperty(GlibcMalloc.PROPERTY);
            } else {
                System.setProperty(GlibcMalloc.PROPERTY, before);
            }
        }
    }

    /** The process's resident set, from {@code /proc/self/statm} (pages). */
    private static long residentBytes() throws IOException {
        String[] fields = Files.readString(Path.of("/proc/self/statm")).trim().split(" ");
        return Long.parseLong(fields[1]) * 4096;
    }
}
