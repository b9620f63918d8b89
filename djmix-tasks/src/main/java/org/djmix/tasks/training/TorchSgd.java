package org.djmix.tasks.training;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stochastic gradient descent with PyTorch's semantics ({@code torch.optim.SGD}, dampening 0, no
 * Nesterov): \(d = g + \lambda w\); \(b \leftarrow d\) at the first step, then \(b \leftarrow \mu b
 * + d\); \(w \leftarrow w - \eta_t\,b\). The learning rate multiplies the whole buffer at each
 * step. DJL's {@code Sgd} (MXNet's rule) folds the learning rate into the buffer instead, \(v
 * \leftarrow \mu v + \eta_t d\), which differs as soon as \(\eta_t\) changes — with every cosine or
 * step schedule. The momentum buffers can be saved and restored, so a resumed run continues
 * exactly.
 */
public final class TorchSgd extends Optimizer {

    private final Tracker learningRateTracker;
    private final float momentum;
    private final Set<String> undecayed;
    private final Map<String, Map<Device, NDArray>> buffers = new ConcurrentHashMap<>();

    private TorchSgd(Builder builder) {
        super(builder);
        learningRateTracker = builder.learningRateTracker;
        momentum = builder.momentum;
        undecayed = builder.undecayed;
    }

    /**
     * Returns a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void update(String parameterId, NDArray weight, NDArray grad) {
        float learningRate = learningRateTracker.getNewValue(updateCount(parameterId));
        float weightDecay = undecayed.contains(parameterId) ? 0f : getWeightDecay();
        try (NDManager scope = weight.getManager().newSubManager()) {
            scope.tempAttachAll(grad);
            NDArray direction = rescaleGrad == 1f ? grad : grad.mul(rescaleGrad);
            if (clipGrad > 0) {
                direction = direction.clip(-clipGrad, clipGrad);
            }
            if (weightDecay != 0f) {
                NDArray decay = weight.mul(weightDecay);
                decay.attach(scope);
                direction = direction.add(decay);
            }
            if (momentum != 0f) {
                direction = momentumBuffer(parameterId, weight.getDevice(), direction);
            }
            NDArray step = direction.mul(learningRate);
            step.attach(scope);
            weight.subi(step);
        }
        resetGradient(weight);
    }

    /**
     * Zeroes the weight's own gradient. The collector accumulates into it and DJL's optimizers
     * reset it after their update (docs/design.md); the trainer hands us a copy of it, so resetting
     * {@code grad} would not do.
     */
    private static void resetGradient(NDArray weight) {
        if (weight.hasGradient()) {
            try (NDArray gradient = weight.getGradient()) {
                gradient.set(new NDIndex("..."), 0f);
            }
        }
    }

    /** \(b \leftarrow d\) the first time, else \(b \leftarrow \mu b + d\); returns b. */
    private NDArray momentumBuffer(String parameterId, Device device, NDArray direction) {
        Map<Device, NDArray> perDevice =
                buffers.computeIfAbsent(parameterId, k -> new ConcurrentHashMap<>());
        NDArray buffer = perDevice.get(device);
        if (buffer == null) {
            buffer = direction.duplicate();
            buffer.detach();
            perDevice.put(device, buffer);
        } else {
            buffer.muli(momentum).addi(direction);
        }
        return buffer;
    }

    /**
     * Writes the momentum buffers, keyed by the parameters' structured names in the block (DJL's
     * parameter ids are random per instance, the names are stable across runs).
     *
     * @param out the stream
     * @param block the trained block whose parameters the buffers belong to
     * @throws IOException if writing fails
     */
    public void saveState(DataOutputStream out, Block block) throws IOException {
        List<String> names = new ArrayList<>();
        List<NDArray> saved = new ArrayList<>();
        for (Pair<String, Parameter> entry : block.getParameters()) {
            Map<Device, NDArray> perDevice = buffers.get(entry.getValue().getId());
            if (perDevice != null) {
                names.add(entry.getKey());
                saved.add(perDevice.values().iterator().next());
            }
        }
        out.writeInt(names.size());
        for (int i = 0; i < names.size(); i++) {
            out.writeUTF(names.get(i));
            byte[] encoded = saved.get(i).encode();
            out.writeInt(encoded.length);
            out.write(encoded);
        }
    }

    /**
     * Restores momentum buffers written by {@link #saveState} for the same architecture.
     *
     * @param in the stream
     * @param manager where the buffers go (its device is theirs)
     * @param block the block to train, whose parameter names match the saved ones
     * @throws IOException if the stream is truncated or names a parameter the block lacks
     */
    public void loadState(DataInputStream in, NDManager manager, Block block) throws IOException {
        Map<String, Parameter> byName = new HashMap<>();
        for (Pair<String, Parameter> entry : block.getParameters()) {
            byName.put(entry.getKey(), entry.getValue());
        }
        buffers.clear();
        int count = in.readInt();
        if (count < 0 || count > byName.size()) {
            throw new IOException(
                    "not an optimizer state for this model: " + count + " momentum buffers");
        }
        for (int i = 0; i < count; i++) {
            String name = in.readUTF();
            byte[] encoded = new byte[in.readInt()];
            in.readFully(encoded);
            Parameter parameter = byName.get(name);
            if (parameter == null) {
                throw new IOException(
                        "the optimizer state has a buffer for '"
                                + name
                                + "', a parameter this model does not have");
            }
            NDArray buffer = NDArray.decode(manager, encoded);
            buffer.detach();
            Map<Device, NDArray> perDevice = new ConcurrentHashMap<>();
            perDevice.put(buffer.getDevice(), buffer);
            buffers.put(parameter.getId(), perDevice);
        }
    }

    /** Builds a {@link TorchSgd}. */
    public static final class Builder extends OptimizerBuilder<Builder> {

        private Tracker learningRateTracker;
        private float momentum;
        private Set<String> undecayed = Set.of();

        Builder() {}

        @Override
        protected Builder self() {
            return this;
        }

        /**
         * Sets the learning-rate schedule (required), indexed by update count from 1.
         *
         * @param learningRateTracker the schedule
         * @return this builder
         */
        public Builder setLearningRateTracker(Tracker learningRateTracker) {
            this.learningRateTracker = learningRateTracker;
            return this;
        }

        /**
         * Sets the momentum \(\mu\) (default 0).
         *
         * @param momentum \(\mu \in [0, 1)\)
         * @return this builder
         */
        public Builder optMomentum(float momentum) {
            this.momentum = momentum;
            return this;
        }

        /**
         * Exempts parameters from weight decay (PyTorch's parameter groups with {@code
         * weight_decay=0}).
         *
         * @param parameterIds the parameters' ids
         * @return this builder
         */
        public Builder optUndecayed(Set<String> parameterIds) {
            this.undecayed = Set.copyOf(parameterIds);
            return this;
        }

        /**
         * Builds the optimizer.
         *
         * @return the optimizer
         */
        public TorchSgd build() {
            Objects.requireNonNull(learningRateTracker, "setLearningRateTracker is required");
            if (!(momentum >= 0 && momentum < 1)) {
                throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
            }
            return new TorchSgd(this);
        }
    }
}
