package org.djmix.core.platform;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * Run in a fresh JVM by {@link GlibcMallocTest}: applies djmix's allocator policy before PyTorch's
 * first allocation (as djmix's command line does), then prints the start address of four 4 MB
 * tensors modulo 4096, one per line.
 */
public final class TensorAlignmentProbe {

    private TensorAlignmentProbe() {}

    /**
     * Prints the page offsets.
     *
     * @param args unused
     */
    public static void main(String[] args) {
        GlibcMalloc.configure();
        try (NDManager manager = NDManager.newBaseManager()) {
            for (int i = 0; i < 4; i++) {
                NDArray tensor = manager.ones(new Shape(1 << 20));
                long address =
                        Pointer.nativeValue(
                                Native.getDirectBufferPointer(tensor.toByteBuffer(true)));
                System.out.println(address % 4096);
            }
        }
    }
}
