package org.djmix.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the {@code djmix} command line in a test and keeps what it wrote. */
final class CliRun {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private int errorsBefore;

    /** Runs one command line and returns its exit code. */
    int run(String... args) {
        errorsBefore = err.getBuffer().length();
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

    /** Pre-trains g (the VQ-VAE) for one epoch on 64 shapes images, batch 32, into a folder. */
    int trainSmallDae(Path out) {
        return run(
                "dae",
                "train",
                "--data",
                "shapes",
                "--epochs",
                "1",
                "--train-limit",
                "64",
                "--batch",
                "32",
                "--out",
                out.toString());
    }

    /** Trains deeplabv3-small for one epoch on 8 crops of 32×32 from shapes-seg (2 to validate). */
    int trainSmallSegmenter(Path out) {
        return run(
                "train",
                "--data",
                "shapes-seg",
                "--model",
                "deeplabv3-small",
                "--method",
                "baseline",
                "--crop",
                "32",
                "--epochs",
                "1",
                "--batch",
                "4",
                "--train-limit",
                "8",
                "--test-limit",
                "2",
                "--out",
                out.toString());
    }

    /** Trains fasterrcnn-small for one epoch on 8 shapes-det images at 64×64 (4 to validate). */
    int trainSmallDetector(Path out, String method, String... more) {
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "train",
                                "--data",
                                "shapes-det",
                                "--model",
                                "fasterrcnn-small",
                                "--method",
                                method,
                                "--min-size",
                                "64",
                                "--max-size",
                                "64",
                                "--epochs",
                                "1",
                                "--batch",
                                "4",
                                "--lr",
                                "0.01",
                                "--train-limit",
                                "8",
                                "--test-limit",
                                "4",
                                "--out",
                                out.toString()));
        args.addAll(List.of(more));
        return run(args.toArray(new String[0]));
    }

    /**
     * Evaluates from an ImageNet-C folder and on the fly with the same seed, into {@code
     * DIR/folder-report} and {@code DIR/fly-report}, and checks that both commands succeed and
     * write the same report.json.
     *
     * @param common the evaluate command line without its source of corrupted images and --out
     * @param corrupted the folder {@code djmix corrupt} wrote
     * @param profile the on-the-fly profile the folder was made with
     * @param dir where the reports go
     * @return the report.json text
     */
    String evaluateFolderAndOnTheFly(String[] common, Path corrupted, String profile, Path dir)
            throws IOException {
        Path fromFolder = dir.resolve("folder-report");
        Path onTheFly = dir.resolve("fly-report");
        assertThat(run(with(common, "--corrupted", "imagenet-c:" + corrupted, "--out", fromFolder)))
                .as(lastErr())
                .isZero();
        assertThat(run(with(common, "--corrupt-on-the-fly", profile, "--out", onTheFly)))
                .as(lastErr())
                .isZero();
        String report = Files.readString(fromFolder.resolve("report.json"));
        assertThat(report).isEqualTo(Files.readString(onTheFly.resolve("report.json")));
        return report;
    }

    private static String[] with(
            String[] common, String source, String value, String out, Path to) {
        return concat(common, source, value, out, to.toString());
    }

    /** A command line followed by more arguments. */
    static String[] concat(String[] first, String... rest) {
        List<String> args = new ArrayList<>(List.of(first));
        args.addAll(List.of(rest));
        return args.toArray(new String[0]);
    }

    /** Everything written to standard output so far. */
    String out() {
        return out.toString();
    }

    /** What the last command line wrote to standard error. */
    String lastErr() {
        return err.toString().substring(errorsBefore);
    }

    /**
     * Returns the one line the last command line wrote to standard error, failing unless it wrote
     * exactly one.
     */
    String lastErrorLine() {
        List<String> lines = lastErr().lines().toList();
        assertThat(lines).as("standard error of the last command").hasSize(1);
        return lines.get(0);
    }

    /** Everything written to standard error so far. */
    String err() {
        return err.toString();
    }
}
