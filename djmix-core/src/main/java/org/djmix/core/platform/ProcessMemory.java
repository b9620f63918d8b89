package org.djmix.core.platform;

/**
 * Gives a training process's free memory back to the system between stages (an epoch's end, a
 * finished command): a full garbage collection, which lets the JVM shrink its heap to what is live
 * and frees the native buffers of unreachable NDArrays and direct buffers, then {@link
 * GlibcMalloc#releaseFreeMemory()}. A long run in one JVM (the quickstart: four commands) otherwise
 * keeps the high-water mark of every stage: the Java heap grown for one command's data, glibc's
 * free blocks from another's training.
 */
public final class ProcessMemory {

    private ProcessMemory() {}

    /** Collects garbage, then returns glibc's free pages. Costs a full GC: not inside a step. */
    public static void release() {
        System.gc();
        GlibcMalloc.releaseFreeMemory();
    }
}
