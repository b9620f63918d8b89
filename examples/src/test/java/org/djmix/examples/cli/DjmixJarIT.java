package org.djmix.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The shaded {@code djmix.jar} as users run it, in a fresh JVM: {@code java -jar} has no Spark on
 * the class path (it is provided), and every command but {@code djmix spark} must still work.
 */
class DjmixJarIT {

    private static final Path JAR = Path.of("target", "djmix.jar");

    /** Runs the jar; returns exit code and output. */
    private static Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("java", "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return new Result(process.exitValue(), output);
    }

    private record Result(int code, String output) {}

    @Test
    void theJarRunsWithoutSparkAndSaysHowToRunSparkCommands() throws Exception {
        Result help = run("--help");
        assertThat(help.code()).as(help.output()).isZero();
        assertThat(help.output()).contains("fourier").contains("spark");
        Result corrupt = run("corrupt", "--help");
        assertThat(corrupt.code()).as(corrupt.output()).isZero();
        Result spark = run("spark", "corrupt", "--input", "x", "--output", "y");
        assertThat(spark.code()).as(spark.output()).isEqualTo(1);
        assertThat(spark.output())
                .contains("Apache Spark 4 is not on the class path")
                .contains("spark-submit --class org.djmix.examples.cli.DJMixCommand");
    }
}
