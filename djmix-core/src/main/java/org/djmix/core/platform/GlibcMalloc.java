package org.djmix.core.platform;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps PyTorch's CPU tensors in glibc's heap. glibc serves every block above its mmap threshold
 * (adaptive, at most 32 MB) with a fresh {@code mmap} and unmaps it on free, so a tensor of 32 MB
 * or more is page-faulted in anew at every training step. DJMix's joint pass of 2B images crosses
 * that line where the baseline does not: WideResNet-28-2 at batch 128 has 16 MB activations in its
 * first stage, and 32 MB at 2B. That alone made a DJMix step 2.75× a baseline step on 2 CPU cores
 * instead of 2× (see docs/benchmarks.md).
 *
 * <p>{@link #keepFreedMemory()} sets {@code mallopt(M_MMAP_MAX, 0)}, {@code mallopt(M_TOP_PAD, 64
 * MB)}, {@code mallopt(M_TRIM_THRESHOLD, max)} and {@code mallopt(M_ARENA_MAX, 1)}: large blocks
 * come from the heap, a heap grows in 64 MB steps rather than block by block, and freed memory is
 * kept for reuse instead of being returned to the system. The JVM's threads already have arenas of
 * 64 MB heaps by the time this runs, so {@code M_ARENA_MAX} alone comes too late; the top pad is
 * what keeps those heaps from being grown and shrunk at every step (a WideResNet-28-2 step on 2
 * cores: 860–1060 ms without it, 657 ms with it, PyTorch 603–711 ms; docs/benchmarks.md). It is the
 * in-process equivalent of the environment variables {@code MALLOC_MMAP_MAX_=0
 * MALLOC_TRIM_THRESHOLD_=…}, meant for training processes whose memory peaks every step anyway. It
 * does nothing where glibc is absent.
 *
 * <p>It also switches on PyTorch's transparent-huge-page allocation ({@code
 * THP_MEM_ALLOC_ENABLE=1}, unless the variable is already set): tensors are page-aligned and those
 * of 2 MB and more are advised as huge pages. glibc's heaps then fragment less around the large
 * activations, and a step takes fewer TLB misses: DJMix on WideResNet-16-2, 20 steps at batch 128,
 * peaked at 1.78 GB instead of 2.04 GB and ran 22.8 s instead of 29.3 s (docs/benchmarks.md).
 * PyTorch reads the switch once, at its first CPU allocation, so it takes effect when this runs
 * before the engine allocates anything (djmix's command line; in a program of one's own, call
 * {@link #configure()} first thing).
 */
public final class GlibcMalloc {

    private static final Logger logger = LoggerFactory.getLogger(GlibcMalloc.class);

    private static final int M_TRIM_THRESHOLD = -1;
    private static final int M_TOP_PAD = -2;
    private static final int TOP_PAD_BYTES = 64 << 20;
    private static final int M_MMAP_MAX = -4;
    private static final int M_ARENA_MAX = -8;

    /**
     * PyTorch's switch (read once, at its first CPU allocation) for page-aligned tensors with
     * transparent huge pages ({@code madvise(MADV_HUGEPAGE)}) from 2 MB up.
     */
    static final String TORCH_HUGE_PAGES = "THP_MEM_ALLOC_ENABLE";

    /**
     * The system property that chooses the allocator policy: {@value #KEEP} (the default) applies
     * {@link #keepFreedMemory()} when djmix first trains, {@value #SYSTEM} leaves glibc's defaults.
     */
    public static final String PROPERTY = "djmix.malloc";

    /** {@link #PROPERTY}'s default: keep freed memory for reuse. */
    public static final String KEEP = "keep";

    /** {@link #PROPERTY}'s value that leaves glibc's defaults alone. */
    public static final String SYSTEM = "system";

    private static final AtomicBoolean configured = new AtomicBoolean();

    private GlibcMalloc() {}

    /**
     * Applies the policy {@link #PROPERTY} names, once per process; later calls do nothing. djmix's
     * training loop and training blocks call it, so a program that trains with djmix gets it
     * without a call of its own, and JVM flags and environment variables are not needed.
     *
     * @return true when this call applied {@link #keepFreedMemory()}
     * @throws IllegalArgumentException naming the property and its values if it holds another
     */
    public static boolean configure() {
        String policy = System.getProperty(PROPERTY, KEEP);
        if (!policy.equals(KEEP) && !policy.equals(SYSTEM)) {
            throw new IllegalArgumentException(
                    "-D"
                            + PROPERTY
                            + " must be "
                            + KEEP
                            + " or "
                            + SYSTEM
                            + ", got '"
                            + policy
                            + "'");
        }
        if (!configured.compareAndSet(false, true)) {
            return false;
        }
        if (policy.equals(SYSTEM)) {
            logger.info("glibc malloc: left at the system's settings (-D{}={})", PROPERTY, SYSTEM);
            return false;
        }
        return keepFreedMemory();
    }

    /** The libc functions used. */
    private interface CLibrary extends Library {
        int mallopt(int param, int value);

        int malloc_trim(long pad);

        int setenv(String name, String value, int overwrite);
    }

    /**
     * Tells glibc to serve large blocks from the heap and keep freed memory.
     *
     * @return true when both settings were applied, false on other platforms or C libraries
     */
    public static boolean keepFreedMemory() {
        boolean applied =
                callGlibc(
                        "mallopt",
                        libc ->
                                libc.mallopt(M_MMAP_MAX, 0) == 1
                                        && libc.mallopt(M_TOP_PAD, TOP_PAD_BYTES) == 1
                                        && libc.mallopt(M_TRIM_THRESHOLD, Integer.MAX_VALUE) == 1
                                        && libc.mallopt(M_ARENA_MAX, 1) == 1
                                        && libc.setenv(TORCH_HUGE_PAGES, "1", 0) == 0);
        logger.debug("glibc malloc: keep freed memory = {}", applied);
        return applied;
    }

    /**
     * Gives the free pages of glibc's heap back to the system ({@code malloc_trim(0)}). With {@link
     * #keepFreedMemory()} nothing is returned otherwise, so a long process accumulates the free
     * fragments of every stage it went through; call this between stages (an epoch's end, a
     * finished command), not inside a step.
     *
     * @return true when glibc released memory, false if none or on other platforms
     */
    public static boolean releaseFreeMemory() {
        return callGlibc("malloc_trim", libc -> libc.malloc_trim(0) == 1);
    }

    /** Calls libc on Linux; false elsewhere or where the function is missing. */
    private static boolean callGlibc(String function, Predicate<CLibrary> call) {
        if (!Platform.isLinux()) {
            return false;
        }
        try {
            return call.test(Native.load("c", CLibrary.class));
        } catch (UnsatisfiedLinkError e) {
            logger.debug("no glibc {} here: {}", function, e.getMessage());
            return false;
        }
    }
}
