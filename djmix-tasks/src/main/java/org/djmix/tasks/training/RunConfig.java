package org.djmix.tasks.training;

import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.djmix.core.training.RunJson;

/**
 * What a training run's {@code config.json} records: enough to rebuild the model for evaluation and
 * to refuse resuming a run with other settings.
 *
 * @param format the file format ({@link #FORMAT})
 * @param library the library that wrote it
 * @param task the task kind, e.g. {@code classification}
 * @param model the network's name
 * @param numClasses the number of classes
 * @param imageShape (C, H, W) of the training images
 * @param data the training data spec
 * @param method the training method's name
 * @param discretizer the discretizer's directory, or null
 * @param mixing how DJMix drew \(\beta\), e.g. {@code Beta(1.0, 0.5)}; null for methods that do not
 *     mix with g, and in older files (which predate {@code --beta}: the paper's)
 * @param separatePasses whether a consistency method's views went through f as separate batches
 *     (absent in older files: false, the joint pass)
 * @param epochs the planned epochs
 * @param batchSize the batch size
 * @param learningRate the peak learning rate
 * @param weightDecay the weight decay
 * @param momentum the momentum
 * @param restartEpochs the SGDR cycle in epochs (0: one cosine over the run)
 * @param seed the seed
 * @param taskOptions the task's own settings needed to rebuild its model (segmentation: {@code
 *     outputStride}, {@code auxiliaryHead}); absent in older files: none
 */
public record RunConfig(
        int format,
        String library,
        String task,
        String model,
        int numClasses,
        long[] imageShape,
        String data,
        String method,
        String discretizer,
        String mixing,
        boolean separatePasses,
        int epochs,
        int batchSize,
        float learningRate,
        float weightDecay,
        float momentum,
        int restartEpochs,
        long seed,
        Map<String, String> taskOptions) {

    /** The format this version writes and reads. */
    public static final int FORMAT = 1;

    /** The file name. */
    public static final String FILE = "config.json";

    /**
     * Returns the JSON text.
     *
     * @return the config as JSON
     */
    public String toJson() {
        return RunJson.GSON.toJson(this);
    }

    /**
     * Reads and checks a run directory's config.
     *
     * @param directory the run directory
     * @return the config
     * @throws IOException naming the file and what is wrong
     */
    public static RunConfig read(Path directory) throws IOException {
        Path file = directory.resolve(FILE);
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IOException(directory + " is not a training run: " + FILE + " is missing", e);
        }
        RunConfig config;
        try {
            config = RunJson.GSON.fromJson(json, RunConfig.class);
        } catch (JsonParseException e) {
            throw new IOException(file + " is not valid JSON: " + e.getMessage(), e);
        }
        if (config == null || config.format() != FORMAT) {
            throw new IOException(
                    file
                            + " has format "
                            + (config == null ? "none" : config.format())
                            + "; this djmix reads format "
                            + FORMAT);
        }
        return config;
    }

    /**
     * Lists the settings on which another run's config differs (what resuming must not change).
     *
     * @param other the other config
     * @return e.g. {@code "model wrn-28-2 (the run has small-cnn)"}, or an empty string when they
     *     agree
     */
    public String differencesFrom(RunConfig other) {
        StringBuilder s = new StringBuilder();
        compare(s, "task", task, other.task);
        compare(s, "model", model, other.model);
        compare(s, "classes", numClasses, other.numClasses);
        compare(s, "image shape", Arrays.toString(imageShape), Arrays.toString(other.imageShape));
        compare(s, "method", method, other.method);
        if (other.mixing != null) {
            compare(s, "mixing", mixing, other.mixing);
        }
        compare(s, "separate passes", separatePasses, other.separatePasses);
        compare(s, "epochs", epochs, other.epochs);
        compare(s, "batch", batchSize, other.batchSize);
        compare(s, "lr", learningRate, other.learningRate);
        compare(s, "weight decay", weightDecay, other.weightDecay);
        compare(s, "momentum", momentum, other.momentum);
        compare(s, "restart epochs", restartEpochs, other.restartEpochs);
        compare(s, "seed", seed, other.seed);
        compare(s, "task options", options(), other.options());
        return s.toString();
    }

    /**
     * Returns the task's settings.
     *
     * @return {@link #taskOptions()}, empty when the file had none
     */
    public Map<String, String> options() {
        return taskOptions == null ? Map.of() : new TreeMap<>(taskOptions);
    }

    private static void compare(StringBuilder s, String name, Object a, Object b) {
        if (!String.valueOf(a).equals(String.valueOf(b))) {
            s.append(s.length() == 0 ? "" : ", ")
                    .append(name)
                    .append(' ')
                    .append(a)
                    .append(" (the run has ")
                    .append(b)
                    .append(')');
        }
    }
}
