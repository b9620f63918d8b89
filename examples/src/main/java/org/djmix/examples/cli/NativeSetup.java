package org.djmix.examples.cli;

import org.djmix.core.platform.GlibcMalloc;
import org.djmix.core.platform.TorchNativeFlags;

/** What every command that runs PyTorch does first: allocator settings and a quiet console. */
final class NativeSetup {

    private NativeSetup() {}

    /** Keeps freed memory for reuse and hides PyTorch's native warnings. */
    static void prepare() {
        GlibcMalloc.configure();
        TorchNativeFlags.hideWarnings();
    }
}
