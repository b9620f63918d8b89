package org.djmix.examples.cli;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.djmix.core.MixingFigure;
import org.djmix.tasks.data.ImageDataset;
import org.djmix.vqvae.VqVaeDiscretizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code djmix dae show}: draws the paper's Figure 1 for a trained g — test images, g(x) and the
 * mixes at β = 0.25, 0.5, 0.75 — as a PNG.
 */
@Command(
        name = "show",
        mixinStandardHelpOptions = true,
        description =
                "Draw test images, their reconstructions g(x) and the mixes beta*x +"
                        + " (1-beta)*g(x) at beta = 0.25, 0.5, 0.75 into a PNG grid.")
public final class DaeShowCommand implements Callable<Integer> {

    @Mixin private ThreadsOption threads;

    @Spec private CommandSpec spec;

    @Option(names = "--run", required = true, description = "a directory saved by 'dae train'")
    private Path run;

    @Mixin private DataOption data;

    @Option(names = "--out", required = true, description = "the PNG file to write")
    private Path out;

    @Option(
            names = "--count",
            defaultValue = "8",
            description = "images to show (default ${DEFAULT-VALUE})")
    private int count;

    @Option(
            names = "--first",
            defaultValue = "0",
            description = "index of the first test image shown (default ${DEFAULT-VALUE})")
    private int first;

    @Option(
            names = "--scale",
            defaultValue = "3",
            description = "screen pixels per image pixel (default ${DEFAULT-VALUE})")
    private int scale;

    @Override
    public Integer call() throws Exception {
        if (count < 1 || first < 0) {
            throw new IllegalArgumentException(
                    "--count must be >= 1 and --first >= 0, got " + count + " and " + first);
        }
        NativeSetup.prepare();
        ImageDataset test = data.spec().read(false, count).setSampling(count, false).build();
        if (first + count > test.size()) {
            throw new IllegalArgumentException(
                    "--first "
                            + first
                            + " --count "
                            + count
                            + " goes past the "
                            + test.size()
                            + " test images of "
                            + data.text());
        }
        try (NDManager manager = NDManager.newBaseManager();
                VqVaeDiscretizer g = VqVaeDiscretizer.load(run, manager, 256)) {
            NDList images = new NDList();
            for (int i = first; i < first + count; i++) {
                images.add(test.get(manager, i).getData().head());
            }
            NDArray batch = NDArrays.stack(images);
            MixingFigure.of(g, batch, MixingFigure.DEFAULT_BETAS, scale).writePng(out);
        }
        spec.commandLine().getOut().println("wrote " + out);
        return 0;
    }
}
