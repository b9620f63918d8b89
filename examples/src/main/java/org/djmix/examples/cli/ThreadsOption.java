package org.djmix.examples.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code --threads N}: PyTorch's intra-op threads, through DJL's own system properties ({@code
 * ai.djl.pytorch.num_threads}, and {@code ai.djl.pytorch.num_interop_threads} = 1, since djmix runs
 * one operation at a time), which the engine reads when it starts. Without it PyTorch takes one
 * thread per core, which suits a dedicated machine; on a busy one, fewer threads than cores avoid
 * waiting for a descheduled worker.
 */
final class ThreadsOption {

    static final String INTRA_OP = "ai.djl.pytorch.num_threads";
    static final String INTER_OP = "ai.djl.pytorch.num_interop_threads";

    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    @Option(
            names = "--threads",
            paramLabel = "N",
            description =
                    "PyTorch's threads per operation (default: one per core; the same as"
                            + " -Dai.djl.pytorch.num_threads=N)")
    void setThreads(int threads) {
        if (threads < 1) {
            throw new ParameterException(
                    spec.commandLine(), "--threads must be at least 1, got " + threads);
        }
        System.setProperty(INTRA_OP, Integer.toString(threads));
        System.setProperty(INTER_OP, "1");
    }
}
