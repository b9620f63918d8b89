package org.djmix.examples.cli;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.djmix.core.method.Method;
import org.djmix.core.method.MethodOptions;
import org.djmix.core.method.Methods;
import org.djmix.tasks.classification.ClassificationTask;
import org.djmix.tasks.data.DataSpec;
import org.djmix.tasks.data.ImageDataset;
import org.djmix.tasks.training.EpochResult;
import org.djmix.tasks.training.RunConfig;
import org.djmix.tasks.training.TaskTrainer;
import org.djmix.vqvae.AutoencoderConfig;
import org.djmix.vqvae.VqVaeDiscretizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code djmix train}: trains a model on a task with a method, checkpointing every epoch. */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        description = "Train a model with a method (baseline, mixup, augmix, djmix, ...).")
public final class TrainCommand implements Callable<Integer> {

    @Mixin private ThreadsOption threads;

    @Spec private CommandSpec spec;

    @Option(
            names = "--task",
            defaultValue = "classification",
            description = "the task (default ${DEFAULT-VALUE})")
    private String task;

    @Mixin private DataOption data;

    @Option(
            names = "--model",
            defaultValue = "wrn-28-2",
            converter = NameChoice.ModelNames.class,
            completionCandidates = NameChoice.ModelNames.class,
            description = "the network: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE})")
    private String model;

    @Option(
            names = "--method",
            defaultValue = "djmix",
            converter = NameChoice.MethodNames.class,
            completionCandidates = NameChoice.MethodNames.class,
            description = "the method: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE})")
    private String method;

    @Option(names = "--dae", description = "the saved g (dae train --out) for the djmix methods")
    private Path dae;

    @Option(
            names = "--epochs",
            defaultValue = "200",
            description = "epochs (default ${DEFAULT-VALUE})")
    private int epochs;

    @Option(
            names = "--batch",
            defaultValue = "128",
            description = "batch size (default ${DEFAULT-VALUE})")
    private int batch;

    @Option(
            names = "--lr",
            defaultValue = "0.1",
            description = "peak learning rate (default ${DEFAULT-VALUE})")
    private float learningRate;

    @Option(
            names = "--weight-decay",
            defaultValue = "1e-4",
            description = "weight decay (default ${DEFAULT-VALUE})")
    private float weightDecay;

    @Option(
            names = "--restart-epochs",
            defaultValue = "0",
            description =
                    "SGDR cycle in epochs; 0: one cosine over the run (default ${DEFAULT-VALUE})")
    private int restartEpochs;

    @Mixin private SeedOption seedOption;

    @Option(names = "--train-limit", description = "use only the first N training images")
    private Integer trainLimit;

    @Mixin private TestLimitOption testLimit;

    @Option(names = "--out", required = true, description = "the run directory")
    private Path out;

    @Option(
            names = "--separate-passes",
            description =
                    "consistency methods: put the views through f as separate batches of --batch"
                            + " instead of one joint batch (faster on CPU; BatchNorm then"
                            + " normalises each view on its own)")
    private boolean separatePasses;

    @Option(names = "--resume", description = "continue after the last complete epoch in --out")
    private boolean resume;

    @Override
    public Integer call() throws Exception {
        if (!task.equals("classification")) {
            throw new IllegalArgumentException(
                    "unknown --task '" + task + "'; this version trains: classification");
        }
        NativeSetup.prepare();
        DataSpec spec = data.spec();
        ImageDataset.Builder train = spec.read(true, trainLimit);
        ImageDataset test = spec.read(false, testLimit.value()).setSampling(batch, false).build();
        long[] shape = test.getImageShape().getShape();
        try (NDManager manager = NDManager.newBaseManager()) {
            MethodOptions.Builder options =
                    MethodOptions.builder()
                            .optSeed(seedOption.value())
                            .optSeparatePasses(separatePasses);
            if (Methods.needsDiscretizer(method)) {
                options.setDiscretizer(loadDiscretizer(manager, shape));
            }
            Method chosen = Methods.create(method, options.build());
            RunConfig config =
                    new RunConfig(
                            RunConfig.FORMAT,
                            "djmix " + DJMixVersion.libraryVersion(),
                            task,
                            model,
                            test.getNumClasses(),
                            shape,
                            data.text(),
                            method,
                            dae == null ? null : dae.toAbsolutePath().toString(),
                            separatePasses,
                            epochs,
                            batch,
                            learningRate,
                            weightDecay,
                            0.9f,
                            restartEpochs,
                            seedOption.value());
            TaskTrainer trainer =
                    TaskTrainer.of(
                            new ClassificationTask(model, test.getNumClasses()), chosen, config);
            List<EpochResult> history =
                    trainer.train(ClassificationTask.trainingData(train), test, out, resume);
            EpochResult last = history.get(history.size() - 1);
            this.spec
                    .commandLine()
                    .getOut()
                    .printf(
                            "saved %s: epoch %d, clean test error %.2f %%%n",
                            out, last.epoch(), 100 * last.testError());
        }
        return 0;
    }

    /** Loads g, checking that it exists, suits the method and the images. */
    private VqVaeDiscretizer loadDiscretizer(NDManager manager, long[] shape) throws IOException {
        if (dae == null) {
            throw new IllegalArgumentException(
                    "--method "
                            + method
                            + " needs a discretizer: pass --dae DIR (train one with 'djmix dae"
                            + " train')");
        }
        if (!Files.isDirectory(dae)) {
            throw new IOException(
                    "--dae " + dae + " does not exist (train it with 'djmix dae train')");
        }
        AutoencoderConfig config = AutoencoderConfig.read(dae);
        boolean plain = AutoencoderConfig.PLAIN.equals(config.architecture());
        if (method.equals(Methods.WITHOUT_QUANTISER) != plain) {
            throw new IllegalArgumentException(
                    "--dae "
                            + dae
                            + " holds a '"
                            + config.architecture()
                            + "' autoencoder; --method "
                            + method
                            + " needs "
                            + (plain ? "a VQ-VAE" : "a plain one (dae train --plain)"));
        }
        VqVaeDiscretizer g = VqVaeDiscretizer.load(dae, manager, 256);
        long[] expected = g.getConfig().imageShape().getShape();
        if (!java.util.Arrays.equals(expected, shape)) {
            throw new IllegalArgumentException(
                    "--dae "
                            + dae
                            + " was trained on images "
                            + java.util.Arrays.toString(expected)
                            + ", --data has "
                            + java.util.Arrays.toString(shape));
        }
        return g;
    }
}
