package org.djmix.tasks.training;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.evaluator.Evaluator;
import ai.djl.training.listener.EvaluatorTrainingListener;
import ai.djl.training.tracker.Tracker;
import com.google.gson.reflect.TypeToken;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.djmix.core.AbstractTrainingBlock;
import org.djmix.core.method.Method;
import org.djmix.core.training.CheckpointListener;
import org.djmix.core.training.EpochAware;
import org.djmix.core.training.EpochOrderListener;
import org.djmix.core.training.EpochProgressListener;
import org.djmix.core.training.FiniteLossListener;
import org.djmix.core.training.LiveParameters;
import org.djmix.core.training.MemoryTrimListener;
import org.djmix.core.training.RunJson;
import org.djmix.core.training.TrainingLoop;
import org.djmix.io.AtomicDirectories;
import org.djmix.tasks.plot.LineChart;
import org.djmix.tasks.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains any {@link Method} on any {@link Task}: PyTorch-semantics SGD ({@link TorchSgd}) with
 * momentum and weight decay under the task's learning-rate schedule, the task's training data and
 * augmentation ({@link TrainingData}) in a seeded order per epoch, and after every epoch the clean
 * test error (\(1 -\) the task's {@link Task#cleanScore()}: accuracy, mIoU) and a checkpoint
 * written atomically into the run directory: {@code config.json}, {@code model.params} (f), {@code
 * optimizer.state} (momentum buffers), {@code state.json} (epochs and steps done), {@code
 * metrics.json} and {@code curve.png}. Resuming reloads all of it, so a run that is killed and
 * resumed ends with the same parameters as one that was not. The loop is djmix's {@link
 * TrainingLoop} (DJL's EasyTrain). A new run starts from the task's pre-trained weights, if any.
 */
public final class TaskTrainer {

    private static final Logger logger = LoggerFactory.getLogger(TaskTrainer.class);
    private static final String PARAMETERS = "model.params";
    private static final String OPTIMIZER = "optimizer.state";
    private static final String STATE = "state.json";
    private static final String METRICS = "metrics.json";
    private static final String CURVE = "curve.png";

    private final Task task;
    private final Method method;
    private final RunConfig config;
    private final ExecutorService loader;
    private final Device[] devices;

    private TaskTrainer(
            Task task, Method method, RunConfig config, ExecutorService loader, Device[] devices) {
        this.task = task;
        this.method = method;
        this.config = config;
        this.loader = loader;
        this.devices = devices;
    }

    /**
     * Creates a trainer.
     *
     * @param task the task (model, loss, outputs)
     * @param method the training method, built for that task
     * @param config the run's settings (written to {@code config.json})
     * @return the trainer
     */
    public static TaskTrainer of(Task task, Method method, RunConfig config) {
        if (!method.name().equals(config.method())) {
            throw new IllegalArgumentException(
                    "the method is '"
                            + method.name()
                            + "' but the config says '"
                            + config.method()
                            + "'");
        }
        return new TaskTrainer(task, method, config, null, null);
    }

    /**
     * Returns this trainer with data loading on worker threads: DJL's loader reads each batch on
     * the executor while the model trains (the datasets' prefetch number bounds the batches in
     * flight). The caller owns the executor (a {@code DecodeThreads} pool) and shuts it down.
     *
     * @param executor the loader's threads
     * @return a trainer that loads with them
     */
    public TaskTrainer withLoader(ExecutorService executor) {
        return new TaskTrainer(task, method, config, executor, devices);
    }

    /**
     * Returns this trainer on several devices: DJL splits each batch across them, keeps a copy of
     * the parameters on each and sums the gradients before the update (data parallelism). BatchNorm
     * normalises each device's part on its own and the running statistics saved are the first
     * device's, as with PyTorch's {@code DataParallel}; g's weights are copied to each device on
     * first use and stay frozen, so its codebook needs no synchronisation.
     *
     * @param devices the devices, the first one holding the saved parameters
     * @return a trainer on those devices
     */
    public TaskTrainer withDevices(Device... devices) {
        if (devices.length == 0) {
            throw new IllegalArgumentException("at least one device is needed");
        }
        return new TaskTrainer(task, method, config, loader, devices.clone());
    }

    /** How far a run got, as written to {@code state.json}. */
    private record RunState(int epochsDone, long blockSteps, int updates) {}

    /**
     * Tells how many epochs a run directory holds a checkpoint after.
     *
     * @param out the run directory
     * @return the last complete epoch, 0 when nothing was saved yet
     * @throws IOException if its state cannot be read
     */
    public static int epochsDone(Path out) throws IOException {
        Path state = out.resolve(STATE);
        if (!Files.isRegularFile(state)) {
            return 0;
        }
        return RunJson.GSON.fromJson(Files.readString(state), RunState.class).epochsDone();
    }

    /**
     * Trains all the configured epochs, or continues a run found in {@code out}.
     *
     * @param trainData the training set, built here with the trainer's batch order
     * @param test the validation set, in order
     * @param out the run directory
     * @param resume whether to continue after the last complete epoch in {@code out}
     * @return every epoch's results, resumed ones included
     * @throws IOException if data or the run directory cannot be read or written
     */
    public List<EpochResult> train(
            TrainingData trainData, RandomAccessDataset test, Path out, boolean resume)
            throws IOException {
        return train(trainData, test, out, resume, config.epochs());
    }

    /**
     * Trains (or continues) up to an epoch and stops there as if killed after that epoch's
     * checkpoint; the schedule is still the one of {@link RunConfig#epochs()}.
     *
     * @param trainData the training set, built here with the trainer's batch order
     * @param test the validation set, in order
     * @param out the run directory
     * @param resume whether to continue after the last complete epoch in {@code out}
     * @param stopAfter the last epoch to run, at most the configured epochs
     * @return every epoch's results so far
     * @throws IOException if data or the run directory cannot be read or written
     */
    public List<EpochResult> train(
            TrainingData trainData,
            RandomAccessDataset test,
            Path out,
            boolean resume,
            int stopAfter)
            throws IOException {
        EpochSampler sampler = new EpochSampler(config.batchSize(), config.seed());
        RandomAccessDataset train = trainData.build(sampler, config.seed());
        List<EpochResult> history = new ArrayList<>();
        RunState state = new RunState(0, 0, 0);
        if (resume && Files.isRegularFile(out.resolve(STATE))) {
            RunConfig saved = RunConfig.read(out);
            String differences = config.differencesFrom(saved);
            if (!differences.isEmpty()) {
                throw new IOException(
                        "cannot resume " + out + " with other settings: " + differences);
            }
            state = RunJson.GSON.fromJson(Files.readString(out.resolve(STATE)), RunState.class);
            history.addAll(
                    RunJson.GSON.fromJson(
                            Files.readString(out.resolve(METRICS)),
                            new TypeToken<List<EpochResult>>() {}.getType()));
        }
        int stepsPerEpoch = (int) ((train.size() + config.batchSize() - 1) / config.batchSize());
        Tracker schedule =
                task.learningRate(
                        config.learningRate(),
                        (long) config.epochs() * stepsPerEpoch,
                        (long) config.restartEpochs() * stepsPerEpoch,
                        stepsPerEpoch);
        Evaluator score = task.cleanScore();
        Engine.getInstance().setRandomSeed((int) config.seed());
        Block f = task.model();
        Block block = method.trainingBlock(f);
        TorchSgd optimizer =
                TorchSgd.builder()
                        .setLearningRateTracker(schedule)
                        .optMomentum(config.momentum())
                        .optWeightDecays(config.weightDecay())
                        .optUndecayed(task.undecayedParameters(f))
                        .optBeginNumUpdate(state.updates())
                        .build();
        int first = state.epochsDone() + 1;
        int last = Math.min(stopAfter, config.epochs());
        EvaluatorTrainingListener evaluations = new EvaluatorTrainingListener();
        CheckpointListener<EpochResult> checkpoints =
                new CheckpointListener<>(
                        out,
                        history,
                        evaluations,
                        (epoch, values, seconds) ->
                                new EpochResult(
                                        epoch,
                                        values.get("train_loss"),
                                        1 - values.get("validate_" + score.getName()),
                                        schedule.getNewValue(epoch * stepsPerEpoch),
                                        seconds),
                        (epoch, results) ->
                                save(
                                        out,
                                        f,
                                        optimizer,
                                        new RunState(
                                                epoch,
                                                block instanceof AbstractTrainingBlock training
                                                        ? training.getStep()
                                                        : 0,
                                                epoch * stepsPerEpoch),
                                        results));
        try (Model model = Model.newInstance(config.model())) {
            model.setBlock(block);
            DefaultTrainingConfig trainingConfig =
                    new DefaultTrainingConfig(method.trainingLoss(task.taskLoss()))
                            .optOptimizer(optimizer)
                            .optInitializer(new ReferenceInitializer(), Parameter.Type.WEIGHT)
                            .addEvaluator(score)
                            .addTrainingListeners(
                                    evaluations,
                                    new FiniteLossListener(out, first, stepsPerEpoch),
                                    train instanceof EpochAware data
                                            ? new EpochOrderListener(first, sampler, data)
                                            : new EpochOrderListener(first, sampler),
                                    new EpochProgressListener("Epoch", train.size(), first),
                                    new MemoryTrimListener(),
                                    checkpoints);
            if (loader != null) {
                trainingConfig.optExecutorService(loader);
            }
            if (devices != null) {
                trainingConfig.optDevices(devices);
            }
            try (Trainer trainer = model.newTrainer(trainingConfig)) {
                trainer.initialize(
                        new Shape(config.batchSize()).addAll(new Shape(config.imageShape())));
                if (state.epochsDone() == 0) {
                    task.loadPretrained(f);
                } else {
                    restore(out, f, optimizer, trainer);
                    if (block instanceof AbstractTrainingBlock training) {
                        training.setStep(state.blockSteps());
                    }
                    logger.info("resuming {} after epoch {}", out, state.epochsDone());
                }
                TrainingLoop.fit(trainer, train, test, first, last);
            }
        }
        return checkpoints.getHistory();
    }

    private void save(
            Path out, Block f, TorchSgd optimizer, RunState state, List<EpochResult> history)
            throws IOException {
        AtomicDirectories.write(
                out,
                directory -> {
                    Files.writeString(directory.resolve(RunConfig.FILE), config.toJson());
                    try (OutputStream file = Files.newOutputStream(directory.resolve(PARAMETERS));
                            DataOutputStream data =
                                    new DataOutputStream(new BufferedOutputStream(file))) {
                        f.saveParameters(data);
                    }
                    try (OutputStream file = Files.newOutputStream(directory.resolve(OPTIMIZER));
                            DataOutputStream data =
                                    new DataOutputStream(new BufferedOutputStream(file))) {
                        optimizer.saveState(data, f);
                    }
                    Files.writeString(directory.resolve(STATE), RunJson.GSON.toJson(state));
                    Files.writeString(directory.resolve(METRICS), RunJson.GSON.toJson(history));
                    new LineChart("epoch")
                            .addSeries(
                                    "training loss",
                                    history.stream().mapToDouble(EpochResult::trainLoss).toArray())
                            .addSeries(
                                    "clean test error",
                                    history.stream().mapToDouble(EpochResult::testError).toArray())
                            .writePng(directory.resolve(CURVE));
                });
    }

    /** Loads the checkpoint into the live parameters ({@link LiveParameters}) and the optimiser. */
    private void restore(Path out, Block f, TorchSgd optimizer, Trainer trainer)
            throws IOException {
        Path parameters = out.resolve(PARAMETERS);
        try (NDManager scratch = trainer.getManager().newSubManager()) {
            Block saved = task.model();
            saved.initialize(
                    scratch,
                    DataType.FLOAT32,
                    new Shape(config.batchSize()).addAll(new Shape(config.imageShape())));
            try (InputStream file = Files.newInputStream(parameters);
                    DataInputStream in = new DataInputStream(new BufferedInputStream(file))) {
                saved.loadParameters(scratch, in);
            } catch (ai.djl.MalformedModelException | RuntimeException e) {
                throw new IOException(parameters + " is truncated or corrupt: " + e, e);
            }
            LiveParameters.copy(saved, f);
        }
        try (InputStream file = Files.newInputStream(out.resolve(OPTIMIZER));
                DataInputStream in = new DataInputStream(new BufferedInputStream(file))) {
            optimizer.loadState(in, trainer.getManager(), f);
        }
    }
}
