package org.djmix.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.djmix.tasks.data.FashionMnist;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code djmix quickstart}: the paper's claim on this machine. It finds data, pre-trains g, trains
 * a baseline and DJMix with the same budget, evaluates both on the clean and the corrupted test set
 * and writes the comparison. Each step is a {@code djmix} command, printed before it runs, so the
 * run can be repeated or continued by hand.
 */
@Command(
        name = "quickstart",
        mixinStandardHelpOptions = true,
        description =
                "Pre-train g, train baseline and DJMix, evaluate both on corrupted data, compare.")
public final class QuickstartCommand implements Callable<Integer> {

    @Mixin private ThreadsOption threads;

    @Spec private CommandSpec spec;

    @Option(
            names = "--data",
            description = "the dataset (default: $DJMIX_DATA, Fashion-MNIST, shapes)")
    private String data;

    @Option(
            names = "--out",
            defaultValue = "quickstart",
            description = "the output folder (default ${DEFAULT-VALUE})")
    private Path out;

    @Option(names = "--fast", description = "a smaller budget (about 3 minutes on 2 CPU cores)")
    private boolean fast;

    @Mixin private SeedOption seedOption;

    @Option(
            names = "--train-limit",
            description =
                    "training images for g and f (default 20 000 and 10 000; --fast 6 000 and"
                            + " 24 000)")
    private Integer trainLimit;

    @Option(names = "--epochs", description = "epochs of f (default 3; --fast 3)")
    private Integer epochs;

    @Option(
            names = "--test-limit",
            description = "test images, clean and per corruption (default 1 000)")
    private Integer testLimit;

    /** The budget of a run: images and epochs of each stage. */
    private record Budget(
            int daeImages,
            int daeEpochs,
            int daeHidden,
            int revivalInterval,
            String model,
            int trainImages,
            int epochs,
            int testImages) {}

    @Override
    public Integer call() throws Exception {
        PrintWriter printer = spec.commandLine().getOut();
        String dataset = chooseData(printer);
        Budget budget = budget();
        printer.printf(
                Locale.ROOT,
                "budget%s: g (h = %d) on %,d images × %d epochs, unused codes re-seeded every %d"
                        + " updates; %s on %,d images × %d epochs per method; %,d test images%n",
                fast ? " (--fast)" : "",
                budget.daeHidden(),
                budget.daeImages(),
                budget.daeEpochs(),
                budget.revivalInterval(),
                budget.model(),
                budget.trainImages(),
                budget.epochs(),
                budget.testImages());
        String seedText = Long.toString(seedOption.value());
        Path dae = out.resolve("dae");
        List<List<String>> steps = new ArrayList<>();
        steps.add(
                List.of(
                        "dae",
                        "train",
                        "--data",
                        dataset,
                        "--epochs",
                        Integer.toString(budget.daeEpochs()),
                        "--train-limit",
                        Integer.toString(budget.daeImages()),
                        "--hidden",
                        Integer.toString(budget.daeHidden()),
                        "--revival-interval",
                        Integer.toString(budget.revivalInterval()),
                        "--test-limit",
                        Integer.toString(budget.testImages()),
                        "--seed",
                        seedText,
                        "--out",
                        dae.toString(),
                        "--resume"));
        for (String method : List.of("baseline", "djmix")) {
            List<String> train =
                    new ArrayList<>(
                            List.of(
                                    "train",
                                    "--data",
                                    dataset,
                                    "--model",
                                    budget.model(),
                                    "--method",
                                    method,
                                    "--epochs",
                                    Integer.toString(budget.epochs()),
                                    "--train-limit",
                                    Integer.toString(budget.trainImages()),
                                    "--test-limit",
                                    Integer.toString(budget.testImages()),
                                    "--seed",
                                    seedText,
                                    "--out",
                                    out.resolve(method).toString(),
                                    "--resume"));
            if (method.equals("djmix")) {
                train.addAll(List.of("--dae", dae.toString()));
            }
            steps.add(train);
        }
        steps.add(
                List.of(
                        "evaluate",
                        "--run",
                        out.resolve("baseline").toString(),
                        "--run",
                        out.resolve("djmix").toString(),
                        "--data",
                        dataset,
                        "--corrupt-on-the-fly",
                        "cifar",
                        "--test-limit",
                        Integer.toString(budget.testImages()),
                        "--seed",
                        seedText,
                        "--out",
                        out.resolve("report").toString()));
        long start = System.nanoTime();
        int code = CommandSteps.run(steps, spec.commandLine());
        if (code != 0) {
            return code;
        }
        printer.println();
        printer.println(Files.readString(out.resolve("report").resolve("report.md")));
        printer.printf(
                "quickstart done in %.1f min; report: %s%n",
                (System.nanoTime() - start) / 60e9, out.resolve("report"));
        return 0;
    }

    /** The default budget (--fast or not) with the user's overrides. */
    private Budget budget() {
        Budget base =
                fast
                        ? new Budget(6_000, 2, 64, 10, "small-cnn", 24_000, 3, 1_000)
                        : new Budget(20_000, 2, 128, 100, "wrn-16-2", 10_000, 3, 1_000);
        return new Budget(
                trainLimit != null ? trainLimit : base.daeImages(),
                base.daeEpochs(),
                base.daeHidden(),
                base.revivalInterval(),
                base.model(),
                trainLimit != null ? trainLimit : base.trainImages(),
                epochs != null ? epochs : base.epochs(),
                testLimit != null ? testLimit : base.testImages());
    }

    private String chooseData(PrintWriter printer) {
        if (data != null) {
            printer.println("data: " + data + " (--data)");
            return data;
        }
        String environment = System.getenv("DJMIX_DATA");
        if (environment != null && !environment.isBlank()) {
            printer.println("data: " + environment + " ($DJMIX_DATA)");
            return environment;
        }
        if (Files.isDirectory(FashionMnist.DEBIAN_DIRECTORY)) {
            String spec = "fashion-mnist:" + FashionMnist.DEBIAN_DIRECTORY;
            printer.println("data: " + spec + " (Debian's dataset-fashion-mnist)");
            return spec;
        }
        printer.println("data: shapes (no --data, no $DJMIX_DATA, no Fashion-MNIST installed)");
        return "shapes";
    }
}
