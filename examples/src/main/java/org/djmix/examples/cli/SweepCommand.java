package org.djmix.examples.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.djmix.tasks.analysis.SweepFiles;
import org.djmix.tasks.analysis.SweepPoint;
import org.djmix.tasks.eval.ReportSummary;
import org.djmix.tasks.training.TaskTrainer;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code djmix sweep}: the paper's Fig. 5. It trains one model per point of a grid over DJMix's
 * mixing distribution, \(\beta \sim \mathrm{Beta}(\beta_0, \beta_1)\) in \(\tilde{x} = \beta x +
 * (1-\beta) g(x)\), evaluates them all on clean and corrupted data, and draws clean and mean
 * corrupted error over the grid. Each step is a {@code djmix} command, printed before it runs;
 * every point's run is resumed, so a finished point is not retrained and an interrupted one
 * continues after its last complete epoch.
 */
@Command(
        name = "sweep",
        mixinStandardHelpOptions = true,
        description =
                "Train DJMix over a grid of Beta(b0, b1) mixing distributions and draw clean and"
                        + " corrupted error over the grid.")
public final class SweepCommand implements Callable<Integer> {

    @Mixin private ThreadsOption threads;

    @Mixin private DataOption data;

    @Option(names = "--dae", required = true, description = "the saved g (dae train --out)")
    private Path dae;

    @Option(
            names = "--beta0",
            split = ",",
            defaultValue = "0.5,1,2",
            description = "the grid's first shape parameters (default ${DEFAULT-VALUE})")
    private List<Double> beta0s;

    @Option(
            names = "--beta1",
            split = ",",
            defaultValue = "0.5,1,2",
            description = "the grid's second shape parameters (default ${DEFAULT-VALUE})")
    private List<Double> beta1s;

    @Option(
            names = "--method",
            defaultValue = "djmix",
            description = "djmix or djmix-ra (default ${DEFAULT-VALUE})")
    private String method;

    @Option(
            names = "--model",
            defaultValue = "small-cnn",
            converter = NameChoice.ModelNames.class,
            completionCandidates = NameChoice.ModelNames.class,
            description = "the network: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE})")
    private String model;

    @Option(
            names = "--epochs",
            defaultValue = "3",
            description = "epochs per point (default ${DEFAULT-VALUE})")
    private int epochs;

    @Option(
            names = "--batch",
            defaultValue = "128",
            description = "batch size (default ${DEFAULT-VALUE})")
    private int batch;

    @Option(names = "--lr", description = "peak learning rate (default: train's)")
    private Float learningRate;

    @Option(names = "--train-limit", description = "use only the first N training images")
    private Integer trainLimit;

    @Option(
            names = "--test-limit",
            defaultValue = "1000",
            description = "test images, clean and per corruption (default ${DEFAULT-VALUE})")
    private int testLimit;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    private EvaluateCommand.Corrupted corrupted;

    @Option(
            names = "--baseline",
            description =
                    "also train a baseline with the same budget (run 'baseline'): the report"
                            + " compares every point with it and the figure shows its errors")
    private boolean baseline;

    @Mixin private SeedOption seedOption;

    @Option(names = "--out", required = true, description = "the sweep folder")
    private Path out;

    @Spec private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!List.of("djmix", "djmix-ra").contains(method)) {
            throw new IllegalArgumentException(
                    "--method " + method + ": a sweep trains djmix or djmix-ra");
        }
        if (!data.task().equals("classification")) {
            throw new IllegalArgumentException(
                    "--data " + data.text() + ": the sweep is for classification data");
        }
        checkGrid("--beta0", beta0s);
        checkGrid("--beta1", beta1s);
        if (!Files.isDirectory(dae)) {
            throw new IllegalArgumentException("--dae " + dae + " does not exist");
        }
        Map<Path, double[]> points = new LinkedHashMap<>();
        List<List<String>> steps = new ArrayList<>();
        Path baselineRun = out.resolve("baseline");
        if (baseline) {
            steps.add(train(baselineRun, List.of("--method", "baseline")));
        }
        int finished = 0;
        for (double beta0 : beta0s) {
            for (double beta1 : beta1s) {
                Path run = out.resolve(runName(beta0, beta1));
                points.put(run, new double[] {beta0, beta1});
                finished += TaskTrainer.epochsDone(run) >= epochs ? 1 : 0;
                steps.add(
                        train(
                                run,
                                List.of(
                                        "--method",
                                        method,
                                        "--dae",
                                        dae.toString(),
                                        "--beta",
                                        SweepFiles.label(beta0) + "," + SweepFiles.label(beta1))));
            }
        }
        spec.commandLine()
                .getOut()
                .printf(
                        Locale.ROOT,
                        "sweep: %d x %d points (%s, %d epochs each), %d already trained (resuming"
                                + " them checks their settings and trains nothing)%n",
                        beta0s.size(),
                        beta1s.size(),
                        model,
                        epochs,
                        finished);
        List<String> evaluate = new ArrayList<>(List.of("evaluate", "--data", data.text()));
        if (baseline) {
            evaluate.addAll(List.of("--run", baselineRun.toString()));
        }
        for (Path run : points.keySet()) {
            evaluate.addAll(List.of("--run", run.toString()));
        }
        evaluate.addAll(corruptedArguments());
        evaluate.addAll(
                List.of(
                        "--test-limit",
                        Integer.toString(testLimit),
                        "--seed",
                        Long.toString(seedOption.value()),
                        "--out",
                        out.resolve("report").toString()));
        steps.add(evaluate);
        int code = CommandSteps.run(steps, spec.commandLine());
        if (code != 0) {
            return code;
        }
        List<SweepPoint> results = new ArrayList<>();
        ReportSummary reference = null;
        for (ReportSummary summary : ReportSummary.read(out.resolve("report"))) {
            double[] beta = points.get(out.resolve(summary.model()));
            if (beta == null) {
                reference = summary;
                continue;
            }
            results.add(
                    new SweepPoint(
                            beta[0],
                            beta[1],
                            summary.model(),
                            summary.clean(),
                            summary.meanCorrupted()));
        }
        Path figure = out.resolve("sweep");
        SweepFiles.write(beta0s, beta1s, results, reference, figure);
        spec.commandLine().getOut().println("wrote " + figure.resolve("sweep.png"));
        return 0;
    }

    /** A point's run directory name, e.g. {@code beta-0.5-2}. */
    static String runName(double beta0, double beta1) {
        return "beta-" + SweepFiles.label(beta0) + "-" + SweepFiles.label(beta1);
    }

    /** A point's (or the baseline's) training, resumed: the budget and the method's arguments. */
    private List<String> train(Path run, List<String> methodArguments) {
        List<String> step =
                new ArrayList<>(List.of("train", "--data", data.text(), "--model", model));
        step.addAll(methodArguments);
        step.addAll(
                List.of(
                        "--epochs",
                        Integer.toString(epochs),
                        "--batch",
                        Integer.toString(batch),
                        "--test-limit",
                        Integer.toString(testLimit),
                        "--seed",
                        Long.toString(seedOption.value())));
        if (learningRate != null) {
            step.addAll(List.of("--lr", Float.toString(learningRate)));
        }
        if (trainLimit != null) {
            step.addAll(List.of("--train-limit", Integer.toString(trainLimit)));
        }
        step.addAll(List.of("--out", run.toString(), "--resume"));
        return step;
    }

    /** The evaluation's source of corrupted images: as given, else CIFAR's on the fly. */
    private List<String> corruptedArguments() {
        if (corrupted != null && corrupted.directory != null) {
            return List.of("--corrupted", corrupted.directory);
        }
        String profile =
                corrupted == null ? "cifar" : corrupted.profile.name().toLowerCase(Locale.ROOT);
        return List.of("--corrupt-on-the-fly", profile);
    }

    private static void checkGrid(String option, List<Double> values) {
        if (values.isEmpty() || values.stream().anyMatch(v -> !(v > 0) || v.isInfinite())) {
            throw new IllegalArgumentException(
                    option + " takes finite values > 0 separated by commas, got " + values);
        }
        if (values.stream().distinct().count() != values.size()) {
            throw new IllegalArgumentException(option + " repeats a value: " + values);
        }
    }
}
