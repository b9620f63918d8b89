package org.djmix.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code djmix train} on shapes, and its answers to a missing or unsuitable g. */
class TrainCommandTest {

    @TempDir Path dir;

    private final CliRun cli = new CliRun();

    private int run(String... args) {
        return cli.run(args);
    }

    @Test
    void trainsABaselineAndWritesTheRun() throws IOException {
        Path out = dir.resolve("run");
        assertThat(cli.trainSmallBaseline(out)).as(cli.err()).isZero();
        assertThat(out.resolve("model.params")).exists();
        assertThat(Files.readString(out.resolve("config.json")))
                .contains("\"method\": \"baseline\"");
        assertThat(Files.readString(out.resolve("metrics.json"))).contains("testError");
        assertThat(out.resolve("curve.png")).exists();
    }

    @Test
    void djmixWithoutOrWithTheWrongDaeIsRefused() throws IOException {
        String out = dir.resolve("run").toString();
        assertThat(run("train", "--data", "shapes", "--model", "small-cnn", "--out", out))
                .isEqualTo(1);
        assertThat(cli.err()).contains("--method djmix needs a discretizer: pass --dae DIR");
        assertThat(
                        run(
                                "train",
                                "--data",
                                "shapes",
                                "--model",
                                "small-cnn",
                                "--dae",
                                dir.resolve("nowhere").toString(),
                                "--out",
                                out))
                .isEqualTo(1);
        assertThat(cli.err()).contains("nowhere does not exist");
        assertThat(run("train", "--data", "shapes", "--model", "vgg", "--out", out)).isEqualTo(2);
        assertThat(cli.err())
                .contains(
                        "Invalid value for option '--model': unknown model 'vgg'; expected one of")
                .contains("wrn-28-2");
        assertThat(run("train", "--data", "shapes", "--method", "nosuch", "--out", out))
                .isEqualTo(2);
        assertThat(cli.lastErrorLine())
                .contains("Invalid value for option '--method': unknown method 'nosuch'")
                .contains("baseline, mixup, augmix, augmix-nogt, djmix, djmix-ra");
    }

    @Test
    void separatePassesAreRecordedAndKeptOnResume() throws IOException {
        Path out = dir.resolve("run");
        String[] args = {
            "train",
            "--data",
            "shapes",
            "--model",
            "small-cnn",
            "--method",
            "augmix-nogt",
            "--epochs",
            "2",
            "--batch",
            "16",
            "--train-limit",
            "32",
            "--out",
            out.toString()
        };
        String[] separate = java.util.Arrays.copyOf(args, args.length + 1);
        separate[args.length] = "--separate-passes";
        assertThat(run(separate)).as(cli.err()).isZero();
        assertThat(Files.readString(out.resolve("config.json")))
                .contains("\"separatePasses\": true");
        String[] resume = java.util.Arrays.copyOf(args, args.length + 1);
        resume[args.length] = "--resume";
        assertThat(run(resume)).isEqualTo(1);
        assertThat(cli.err()).contains("separate passes false (the run has true)");
    }

    @Test
    void theSegmentationDataChoosesTheTaskAndTrainsDeepLab() throws IOException {
        Path out = dir.resolve("seg");
        int code = cli.trainSmallSegmenter(out);
        assertThat(code).as(cli.err()).isZero();
        String config = Files.readString(out.resolve("config.json"));
        assertThat(config)
                .contains("\"task\": \"segmentation\"")
                .contains("\"model\": \"deeplabv3-small\"")
                .contains("\"numClasses\": 5");
        assertThat(out.resolve("model.params")).exists();
    }

    @Test
    void aModelOrTaskThatDoesNotFitTheDataIsRefused() {
        String out = dir.resolve("run").toString();
        assertThat(run("train", "--data", "shapes-seg", "--model", "small-cnn", "--out", out))
                .isEqualTo(1);
        assertThat(cli.err())
                .contains("--model small-cnn is not a segmentation model; segmentation takes");
        assertThat(run("train", "--data", "shapes", "--task", "segmentation", "--out", out))
                .isEqualTo(1);
        assertThat(cli.err())
                .contains("--task segmentation does not fit --data shapes (a classification");
        assertThat(run("train", "--data", "voc:", "--out", out)).isEqualTo(2);
        assertThat(cli.err()).contains("segmentation data spec 'voc:' must be one of");
    }
}
