package org.djmix.tasks.weights;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.djmix.io.NpzFile;

/**
 * Loads a torchvision {@code state_dict} saved as {@code .npz} ({@code numpy.savez(f, **{k:
 * v.numpy() for k, v in model.state_dict().items()})}) into a djmix network built in torchvision's
 * module order. The arrays under a prefix (e.g. {@code backbone.}), without BatchNorm's {@code
 * num_batches_tracked} and the names a filter skips, are paired in order with the block's
 * parameters; each pair must agree in kind ({@code weight} ↔ weight or BatchNorm's gamma, {@code
 * bias} ↔ bias or beta, {@code running_mean}/{@code running_var} ↔ the running statistics) and in
 * shape, else nothing is loaded and the error names both sides. Values are copied into the
 * initialised parameters, on their device.
 */
public final class TorchvisionWeights {

    private static final String BATCHES_TRACKED = "num_batches_tracked";

    private TorchvisionWeights() {}

    /**
     * Reads an archive and loads it.
     *
     * @param block the initialised network
     * @param file the {@code .npz} state dict
     * @param prefix the names to take, e.g. {@code ""} or {@code "backbone."}
     * @param skip names (after the prefix) not to load, e.g. a classifier {@code fc.*}
     * @return how many arrays were loaded
     * @throws IOException naming the file if it cannot be read or does not fit the block
     */
    public static int load(Block block, Path file, String prefix, Predicate<String> skip)
            throws IOException {
        try {
            return load(block, NpzFile.read(file), prefix, skip);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Loads arrays already read.
     *
     * @param block the initialised network
     * @param stateDict the arrays by torchvision name, in state-dict order
     * @param prefix the names to take
     * @param skip names (after the prefix) not to load
     * @return how many arrays were loaded
     * @throws IllegalArgumentException naming the first mismatch
     */
    public static int load(
            Block block,
            Map<String, NpzFile.Array> stateDict,
            String prefix,
            Predicate<String> skip) {
        List<NpzFile.Array> arrays = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, NpzFile.Array> entry : stateDict.entrySet()) {
            String name = entry.getKey();
            if (!name.startsWith(prefix) || name.endsWith("." + BATCHES_TRACKED)) {
                continue;
            }
            String local = name.substring(prefix.length());
            if (!skip.test(local)) {
                names.add(name);
                arrays.add(entry.getValue());
            }
        }
        List<Pair<String, Parameter>> parameters = new ArrayList<>();
        block.getParameters().forEach(parameters::add);
        if (arrays.size() != parameters.size()) {
            throw new IllegalArgumentException(
                    arrays.size()
                            + " arrays under '"
                            + prefix
                            + "' but the block has "
                            + parameters.size()
                            + " parameters");
        }
        for (int i = 0; i < arrays.size(); i++) {
            check(names.get(i), arrays.get(i), parameters.get(i));
        }
        for (int i = 0; i < arrays.size(); i++) {
            NDArray target = parameters.get(i).getValue().getArray();
            target.set(FloatBuffer.wrap(arrays.get(i).toFloats()));
        }
        return arrays.size();
    }

    private static void check(String name, NpzFile.Array array, Pair<String, Parameter> ours) {
        Parameter parameter = ours.getValue();
        if (!parameter.isInitialized()) {
            throw new IllegalArgumentException(
                    "parameter "
                            + ours.getKey()
                            + " is not initialised; initialise the block first");
        }
        String kind = name.substring(name.lastIndexOf('.') + 1);
        String ourKind = ours.getKey().substring(ours.getKey().lastIndexOf('_') + 1);
        boolean kindsAgree =
                switch (kind) {
                    case "weight" -> ourKind.equals("weight") || ourKind.equals("gamma");
                    case "bias" -> ourKind.equals("bias") || ourKind.equals("beta");
                    case "running_mean" -> ourKind.equals("runningMean");
                    case "running_var" -> ourKind.equals("runningVar");
                    default -> false;
                };
        Shape shape = parameter.getArray().getShape();
        if (!kindsAgree || !Arrays.equals(shape.getShape(), array.shape())) {
            throw new IllegalArgumentException(
                    "torchvision's "
                            + name
                            + " "
                            + Arrays.toString(array.shape())
                            + " does not fit our "
                            + ours.getKey()
                            + " "
                            + shape
                            + " (the network's module order or size differs)");
        }
    }
}
