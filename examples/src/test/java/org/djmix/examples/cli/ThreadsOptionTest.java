package org.djmix.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ThreadsOptionTest {

    private final CliRun cli = new CliRun();

    @AfterEach
    void clear() {
        System.clearProperty(ThreadsOption.INTRA_OP);
        System.clearProperty(ThreadsOption.INTER_OP);
    }

    @Test
    void setsDjlsThreadPropertiesBeforeTheEngineStarts() {
        // --help stops after parsing, before any engine work
        assertThat(cli.run("train", "--threads", "3", "--help")).isZero();
        assertThat(System.getProperty(ThreadsOption.INTRA_OP)).isEqualTo("3");
        assertThat(System.getProperty(ThreadsOption.INTER_OP)).isEqualTo("1");
        assertThat(cli.out()).contains("--threads=N").contains("PyTorch's threads per operation");
    }

    @Test
    void fewerThanOneThreadIsRefused() {
        assertThat(
                        cli.run(
                                "evaluate",
                                "--threads",
                                "0",
                                "--run",
                                "r",
                                "--data",
                                "shapes",
                                "--corrupt-on-the-fly",
                                "cifar",
                                "--out",
                                "o"))
                .isEqualTo(2);
        assertThat(cli.lastErr()).contains("--threads must be at least 1, got 0");
        assertThat(System.getProperty(ThreadsOption.INTRA_OP)).isNull();
    }
}
