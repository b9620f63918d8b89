package org.djmix.tasks.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TorchSgdTest {

    /** Learning rates 0.1, 0.1, 0.05 for updates 1, 2, 3. */
    private static final Tracker CHANGING = n -> n <= 2 ? 0.1f : 0.05f;

    private static final float[][] GRADIENTS = {{0.5f, 0.1f}, {-0.2f, 0.3f}, {0.1f, -0.4f}};

    private static float[] run(Optimizer optimizer, int steps, float[] start) {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray weight = manager.create(start);
            for (int s = 0; s < steps; s++) {
                optimizer.update("w", weight, manager.create(GRADIENTS[s]));
            }
            return weight.toFloatArray();
        }
    }

    @Test
    void equalsPyTorchsUpdateRuleAcrossALearningRateChange() {
        // torch.optim.SGD(lr, momentum=0.9, weight_decay=0.01), w0 = (1, -2), by hand:
        // step 1: d = g + 0.01 w = (0.51, 0.08); b = d;           w = (0.949, -2.008)
        // step 2: d = (-0.19051, 0.27992); b = 0.9 b + d = (0.26849, 0.35192);
        //         w = (0.922151, -2.043192)
        // step 3 (lr 0.05): d = (0.10922151, -0.42043192); b = (0.35086251, -0.10370392);
        //         w = (0.9046078745, -2.038006804)
        TorchSgd sgd =
                TorchSgd.builder()
                        .setLearningRateTracker(CHANGING)
                        .optMomentum(0.9f)
                        .optWeightDecays(0.01f)
                        .build();
        float[] w = run(sgd, 3, new float[] {1f, -2f});
        assertThat(w[0]).isCloseTo(0.9046078745f, within(1e-6f));
        assertThat(w[1]).isCloseTo(-2.038006804f, within(1e-6f));
    }

    @Test
    void djlsSgdDiffersOnceTheLearningRateChanges() {
        // MXNet's rule v = 0.9 v + lr (g + wd w): equal for two steps at lr 0.1, not after
        Optimizer djl =
                Optimizer.sgd()
                        .setLearningRateTracker(CHANGING)
                        .optMomentum(0.9f)
                        .optWeightDecays(0.01f)
                        .build();
        TorchSgd torch =
                TorchSgd.builder()
                        .setLearningRateTracker(CHANGING)
                        .optMomentum(0.9f)
                        .optWeightDecays(0.01f)
                        .build();
        assertThat(run(djl, 2, new float[] {1f, -2f}))
                .containsExactly(run(torch, 2, new float[] {1f, -2f}), within(1e-6f));
        float[] afterChange = run(djl, 3, new float[] {1f, -2f});
        assertThat(Math.abs(afterChange[0] - 0.9046078745f)).isGreaterThan(1e-3f);
    }

    /** A 1×2 linear layer whose weight starts at (1, -2). */
    private static Parameter weightOf(NDManager manager) {
        Block linear = Linear.builder().setUnits(1).optBias(false).build();
        linear.initialize(manager, DataType.FLOAT32, new Shape(1, 2));
        Parameter weight = linear.getParameters().get(0).getValue();
        weight.getArray().set(new float[] {1f, -2f});
        blocks.add(linear);
        return weight;
    }

    private static final List<Block> blocks = new ArrayList<>();

    @Test
    void savedBuffersContinueExactlyInANewInstanceOfTheModel() throws IOException {
        Tracker constant = Tracker.fixed(0.1f);
        try (NDManager manager = NDManager.newBaseManager()) {
            TorchSgd uninterrupted =
                    TorchSgd.builder().setLearningRateTracker(constant).optMomentum(0.9f).build();
            Parameter a = weightOf(manager);
            for (float[] g : GRADIENTS) {
                uninterrupted.update(a.getId(), a.getArray(), manager.create(g).reshape(1, 2));
            }

            TorchSgd first =
                    TorchSgd.builder().setLearningRateTracker(constant).optMomentum(0.9f).build();
            Parameter b = weightOf(manager);
            first.update(b.getId(), b.getArray(), manager.create(GRADIENTS[0]).reshape(1, 2));
            first.update(b.getId(), b.getArray(), manager.create(GRADIENTS[1]).reshape(1, 2));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            first.saveState(new DataOutputStream(bytes), blocks.get(blocks.size() - 1));

            // a new instance of the model: same structure, other parameter ids
            Parameter c = weightOf(manager);
            c.getArray().set(b.getArray().toFloatArray());
            TorchSgd resumed =
                    TorchSgd.builder()
                            .setLearningRateTracker(constant)
                            .optMomentum(0.9f)
                            .optBeginNumUpdate(2)
                            .build();
            resumed.loadState(
                    new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())),
                    manager,
                    blocks.get(blocks.size() - 1));
            resumed.update(c.getId(), c.getArray(), manager.create(GRADIENTS[2]).reshape(1, 2));
            assertThat(c.getId()).isNotEqualTo(b.getId());
            assertThat(c.getArray().toFloatArray()).containsExactly(a.getArray().toFloatArray());
        }
    }

    @Test
    void theWeightsGradientIsResetAfterTheUpdate() {
        try (NDManager manager = NDManager.newBaseManager()) {
            TorchSgd sgd = TorchSgd.builder().setLearningRateTracker(Tracker.fixed(0.1f)).build();
            NDArray weight = manager.create(new float[] {1f, 2f});
            weight.setRequiresGradient(true);
            try (GradientCollector collector =
                    ai.djl.engine.Engine.getInstance().newGradientCollector()) {
                collector.backward(weight.mul(0.5f).sum());
            }
            // the trainer passes a copy of the gradient, as DJL's parameter server does
            sgd.update("w", weight, weight.getGradient().duplicate());
            assertThat(weight.toFloatArray()).containsExactly(0.95f, 1.95f);
            assertThat(weight.getGradient().toFloatArray()).containsExactly(0f, 0f);
        }
    }

    @Test
    void stepsLeaveNoArraysBehind() {
        try (NDManager manager = NDManager.newBaseManager()) {
            TorchSgd sgd =
                    TorchSgd.builder()
                            .setLearningRateTracker(Tracker.fixed(0.1f))
                            .optMomentum(0.9f)
                            .optWeightDecays(1e-4f)
                            .build();
            NDArray weight = manager.create(new float[] {1f, 2f});
            NDArray grad = manager.create(new float[] {0.1f, 0.2f});
            sgd.update("w", weight, grad);
            int before = manager.getManagedArrays().size();
            for (int i = 0; i < 50; i++) {
                sgd.update("w", weight, grad);
            }
            assertThat(manager.getManagedArrays()).hasSize(before);
        }
    }
}
