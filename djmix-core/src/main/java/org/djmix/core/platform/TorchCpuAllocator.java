package org.djmix.core.platform;

import ai.djl.engine.Engine;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * PyTorch's own debugging switch for uninitialised memory: with {@linkplain #setJunkFill(boolean)
 * junk fill} on, libc10's CPU allocator fills every new tensor buffer with a signalling-NaN pattern
 * (the {@code caffe2_cpu_allocator_do_junk_fill} flag). A kernel that reads memory it never wrote
 * then yields NaN every time, instead of whenever the memory glibc handed back happened to hold a
 * NaN bit pattern. Use it in tests and when a training run's numbers depend on the allocator; it
 * costs a memset per allocation.
 */
public final class TorchCpuAllocator {

    private static final String JUNK_FILL = "FLAGS_caffe2_cpu_allocator_do_junk_fill";

    private TorchCpuAllocator() {}

    /**
     * Turns junk fill of new PyTorch CPU buffers on or off for the whole process (loading the
     * engine first).
     *
     * @param on whether to fill
     * @return true when the flag was set, false where PyTorch's libc10 is not loaded or has no such
     *     flag (non-Linux systems, other engines)
     */
    public static boolean setJunkFill(boolean on) {
        Engine.getInstance();
        Optional<Path> c10 = loadedLibrary("libc10.so");
        if (c10.isEmpty()) {
            return false;
        }
        try {
            NativeLibrary library = NativeLibrary.getInstance(c10.get().toString());
            library.getGlobalVariableAddress(JUNK_FILL).setByte(0, (byte) (on ? 1 : 0));
            return true;
        } catch (UnsatisfiedLinkError e) {
            return false;
        }
    }

    /** The path of a shared library this process has mapped, from {@code /proc/self/maps}. */
    private static Optional<Path> loadedLibrary(String fileName) {
        if (!Platform.isLinux()) {
            return Optional.empty();
        }
        try (Stream<String> maps = Files.lines(Path.of("/proc/self/maps"))) {
            return maps.map(line -> line.substring(line.indexOf('/') < 0 ? 0 : line.indexOf('/')))
                    .filter(path -> path.startsWith("/"))
                    .map(Path::of)
                    .filter(path -> path.getFileName().toString().equals(fileName))
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
