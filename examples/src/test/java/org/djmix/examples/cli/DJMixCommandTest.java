package org.djmix.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class DJMixCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return DJMixCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void helpDescribesTheCommand() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("Usage: djmix").contains("--version");
    }

    @Test
    void versionNamesDJMixAndDJL() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).startsWith("djmix ").contains("DJL ");
    }

    @Test
    void badArgumentsGiveOneLineAndExitCodeTwo() {
        assertThat(run("--no-such-option")).isEqualTo(2);
        String message = err.toString();
        assertThat(message.lines()).hasSize(1);
        assertThat(message)
                .contains("djmix: Unknown option: '--no-such-option'")
                .contains("--help");
        assertThat(out.toString()).isEmpty();
    }
}
