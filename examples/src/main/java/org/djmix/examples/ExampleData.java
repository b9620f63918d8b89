package org.djmix.examples;

import java.nio.file.Files;
import java.nio.file.Path;
import org.djmix.core.platform.GlibcMalloc;
import org.djmix.core.platform.TorchNativeFlags;

/** The data the examples use when run with no arguments, and their native set-up. */
final class ExampleData {

    /** Debian's Fashion-MNIST ({@code apt-get install dataset-fashion-mnist}). */
    static final Path FASHION_MNIST = Path.of("/usr/share/datasets/fashion-mnist");

    private ExampleData() {}

    /**
     * Returns Fashion-MNIST's data spec where it is installed, else the synthetic shapes.
     *
     * @return a data spec
     */
    static String spec() {
        return Files.isDirectory(FASHION_MNIST) ? "fashion-mnist:" + FASHION_MNIST : "shapes";
    }

    /** Keeps freed memory for reuse and hides PyTorch's native warnings. */
    static void prepareNative() {
        GlibcMalloc.configure();
        TorchNativeFlags.hideWarnings();
    }
}
