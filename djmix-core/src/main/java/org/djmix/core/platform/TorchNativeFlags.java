package org.djmix.core.platform;

import ai.djl.engine.Engine;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Global flags of PyTorch's native core (libc10), set through JNA in the library the engine has
 * loaded. {@link #setJunkFill(boolean)} is PyTorch's own debugging switch for uninitialised memory:
 * the CPU allocator fills every new tensor buffer with a signalling-NaN pattern (the {@code
 * caffe2_cpu_allocator_do_junk_fill} flag), so a kernel that reads memory it never wrote yields NaN
 * every time, instead of whenever the memory glibc handed back happened to hold a NaN bit pattern;
 * it costs a memset per allocation. {@link #hideWarnings()} keeps PyTorch's native warnings (such
 * as the deprecation of a guard that DJL's JNI still uses) off the console.
 */
public final class TorchNativeFlags {

    private static final String JUNK_FILL = "FLAGS_caffe2_cpu_allocator_do_junk_fill";
    private static final String LOG_LEVEL = "FLAGS_caffe2_log_level";
    private static final int LOG_ERROR = 2;

    private TorchNativeFlags() {}

    /**
     * Turns junk fill of new PyTorch CPU buffers on or off for the whole process (loading the
     * engine first).
     *
     * @param on whether to fill
     * @return true when the flag was set, false where PyTorch's libc10 is not loaded or has no such
     *     flag (non-Linux systems, other engines)
     */
    public static boolean setJunkFill(boolean on) {
        return setFlag(JUNK_FILL, pointer -> pointer.setByte(0, (byte) (on ? 1 : 0)));
    }

    /**
     * Shows PyTorch's native log messages from errors up only (its {@code caffe2_log_level}),
     * loading the engine first.
     *
     * @return true when the level was set, false where libc10 is not loaded or has no such flag
     */
    public static boolean hideWarnings() {
        return setFlag(LOG_LEVEL, pointer -> pointer.setInt(0, LOG_ERROR));
    }

    private static boolean setFlag(String symbol, Consumer<Pointer> write) {
        Engine.getInstance();
        Optional<Path> c10 = loadedLibrary("libc10.so");
        if (c10.isEmpty()) {
            return false;
        }
        try {
            write.accept(
                    NativeLibrary.getInstance(c10.get().toString())
                            .getGlobalVariableAddress(symbol));
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
