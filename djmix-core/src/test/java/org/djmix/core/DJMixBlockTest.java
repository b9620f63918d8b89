package org.djmix.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DJMixBlockTest {

    private static final Shape INPUT = new Shape(4, 3, 6, 6);

    private NDManager manager;
    private ParameterStore store;

    @BeforeEach
    void setUp() {
        manager = NDManager.newBaseManager();
        store = new ParameterStore(manager, false);
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    /** A bias-free conv net, so \(f(c x) = c f(x)\) for \(c \ge 0\) (ReLU is homogeneous). */
    private static Block homogeneousNet() {
        return new SequentialBlock()
                .add(
                        Conv2d.builder()
                                .setKernelShape(new Shape(3, 3))
                                .setFilters(4)
                                .optBias(false)
                                .build())
                .add(ai.djl.nn.Activation::relu)
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(5).optBias(false).build());
    }

    private DJMixBlock djmix(Discretizer discretizer, BetaMixer mixer, boolean separate) {
        DJMixBlock block =
                DJMixBlock.builder()
                        .setModel(homogeneousNet())
                        .setDiscretizer(discretizer)
                        .optMixer(mixer)
                        .optSeparatePasses(separate)
                        .optSeed(3)
                        .build();
        block.setInitializer(new NormalInitializer(0.5f), ai.djl.nn.Parameter.Type.WEIGHT);
        block.initialize(manager, DataType.FLOAT32, INPUT);
        return block;
    }

    @Test
    void inInferenceItIsExactlyTheModel() {
        DJMixBlock block = djmix(Discretizer.identity(), BetaMixer.paper(), false);
        NDArray x = manager.randomUniform(0, 1, INPUT);
        NDList wrapped = block.forward(store, new NDList(x), false);
        NDList plain = block.getModel().forward(store, new NDList(x), false);
        assertThat(wrapped).hasSize(1);
        assertThat(wrapped.head().toFloatArray()).containsExactly(plain.head().toFloatArray());
        assertThat(block.getOutputShapes(new Shape[] {INPUT})).containsExactly(new Shape(4, 5));
    }

    @Test
    void inTrainingItReturnsTheModelOnTheMixedViewThenOnTheCleanView() {
        // g(x) = 0 and beta = 1/2 give x~ = x/2, so f(x~) = f(x)/2 for this homogeneous f
        Discretizer black = NDArray::zerosLike;
        for (boolean separate : new boolean[] {false, true}) {
            DJMixBlock block = djmix(black, BetaMixer.fixed(0.5), separate);
            NDArray x = manager.randomUniform(0, 1, INPUT);
            NDList out = block.forward(store, new NDList(x), true);
            float[] clean =
                    block.getModel().forward(store, new NDList(x), false).head().toFloatArray();
            assertThat(out).hasSize(2);
            assertThat(out.get(1).toFloatArray()).containsExactly(clean);
            float[] mixed = out.get(0).toFloatArray();
            for (int i = 0; i < clean.length; i++) {
                assertThat(mixed[i]).isCloseTo(clean[i] / 2, within(1e-5f));
            }
        }
    }

    @Test
    void theSameSeedAndStepGiveTheSameViews() {
        Discretizer black = NDArray::zerosLike;
        NDArray x = manager.randomUniform(0, 1, INPUT);
        DJMixBlock first = djmix(black, BetaMixer.paper(), false);
        DJMixBlock second = djmix(black, BetaMixer.paper(), false);
        second.getModel()
                .getParameters()
                .forEach(
                        p ->
                                p.getValue()
                                        .getArray()
                                        .set(
                                                first.getModel()
                                                        .getParameters()
                                                        .get(p.getKey())
                                                        .getArray()
                                                        .toFloatArray()));
        float[] step0 = first.forward(store, new NDList(x), true).head().toFloatArray();
        float[] step1 = first.forward(store, new NDList(x), true).head().toFloatArray();
        second.setStep(1);
        assertThat(second.forward(store, new NDList(x), true).head().toFloatArray())
                .containsExactly(step1);
        assertThat(step1).isNotEqualTo(step0);
        assertThat(first.getStep()).isEqualTo(2);
    }

    @Test
    void badInputsAndIncompleteBuildersAreNamed() {
        DJMixBlock block = djmix(Discretizer.identity(), BetaMixer.paper(), false);
        NDArray rank3 = manager.ones(new Shape(3, 6, 6));
        assertThatThrownBy(() -> block.forward(store, new NDList(rank3), true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("images must be NCHW (rank 4, N > 0), got shape (3, 6, 6)");
        NDArray ints = manager.ones(INPUT, DataType.INT32);
        assertThatThrownBy(() -> block.forward(store, new NDList(ints), true))
                .hasMessageContaining("images must be floating point");
        assertThatThrownBy(
                        () -> DJMixBlock.builder().setDiscretizer(Discretizer.identity()).build())
                .hasMessageContaining("model must be set");
        assertThatThrownBy(() -> DJMixBlock.builder().setModel(homogeneousNet()).build())
                .hasMessageContaining("either a discretizer (setDiscretizer) or views (optViews)");
    }
}
