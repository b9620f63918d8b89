package org.djmix.examples.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/** Runs the {@code djmix} command line in a test and keeps what it wrote. */
final class CliRun {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** Runs one command line and returns its exit code. */
    int run(String... args) {
        return DJMixCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    /** Trains small-cnn as a baseline on 64 shapes images, one epoch of batch 32, into a run. */
    int trainSmallBaseline(Path out) {
        return run(
                "train",
                "--data",
                "shapes",
                "--model",
                "small-cnn",
                "--method",
                "baseline",
                "--epochs",
                "1",
                "--batch",
                "32",
                "--train-limit",
                "64",
                "--out",
                out.toString());
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
