package org.djmix.examples.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the {@code djmix} command line in a test and keeps what it wrote. */
final class CliRun {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** Runs one command line and returns its exit code. */
    int run(String... args) {
        return DJMixCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    /** Everything written to standard output so far. */
    String out() {
        return out.toString();
    }

    /** Everything written to standard error so far. */
    String err() {
        return err.toString();
    }
}
