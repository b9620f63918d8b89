package org.djmix.examples.cli;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.djmix.tasks.analysis.FourierFiles;
import org.djmix.tasks.analysis.FourierMap;
import org.djmix.tasks.analysis.FourierSensitivity;
import org.djmix.tasks.data.TestImages;
import org.djmix.tasks.eval.ImageClassifier;
import org.djmix.tasks.eval.TrainedClassifiers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code djmix fourier}: the Fourier sensitivity heat map of one or more classifiers, side by side
 * ({@link FourierSensitivity}, Yin et al. 2019), as fourier.png / fourier.csv / fourier.json.
 */
@Command(
        name = "fourier",
        mixinStandardHelpOptions = true,
        description =
                "Draw classifiers' Fourier heat maps: error under each Fourier basis perturbation.")
public final class FourierCommand implements Callable<Integer> {

    @Mixin private ThreadsOption threads;

    @Option(
            names = "--run",
            required = true,
            description = "a run directory of 'djmix train' (repeat for models side by side)")
    private List<Path> runs;

    @Mixin private DataOption data;

    @Option(
            names = "--images",
            defaultValue = "500",
            description = "test images to perturb (default ${DEFAULT-VALUE})")
    private int images;

    @Option(
            names = "--epsilon",
            defaultValue = "4",
            description = "L2 norm of a perturbation per channel (default ${DEFAULT-VALUE})")
    private float epsilon;

    @Option(
            names = "--stride",
            defaultValue = "1",
            description =
                    "measure every s-th frequency in each direction (default ${DEFAULT-VALUE})")
    private int stride;

    @Mixin private SeedOption seed;

    @Option(names = "--out", required = true, description = "the figure's directory")
    private Path out;

    @Spec private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        NativeSetup.prepare();
        if (data.isSegmentation() || data.isDetection()) {
            throw new IllegalArgumentException(
                    "--data " + data.text() + ": the Fourier heat map is for classifiers");
        }
        TestImages test = TestImages.of(data.spec(), images);
        FourierSensitivity sensitivity =
                FourierSensitivity.builder()
                        .optEpsilon(epsilon)
                        .optStride(stride)
                        .optSeed(seed.value())
                        .build();
        Map<String, FourierMap> maps = new LinkedHashMap<>();
        Map<String, Double> seconds = new LinkedHashMap<>();
        try (NDManager manager = NDManager.newBaseManager()) {
            for (Path run : runs) {
                String name = EvaluateCommand.reportName(run, maps.keySet());
                ImageClassifier classifier =
                        TrainedClassifiers.load(
                                run, manager, test.imageShape(), test.numClasses(), 256);
                long start = System.nanoTime();
                maps.put(name, sensitivity.measure(classifier, test.images(), manager));
                seconds.put(name, (System.nanoTime() - start) / 1e9);
            }
        }
        FourierFiles.write(maps, out);
        for (Map.Entry<String, FourierMap> map : maps.entrySet()) {
            spec.commandLine()
                    .getOut()
                    .printf(
                            Locale.ROOT,
                            "%s: mean error over the high-frequency half %.2f %% (measured in %.1f"
                                    + " s)%n",
                            map.getKey(),
                            100 * map.getValue().highFrequencyMeanError(),
                            seconds.get(map.getKey()));
        }
        spec.commandLine().getOut().println("wrote " + out.resolve("fourier.png"));
        return 0;
    }
}
