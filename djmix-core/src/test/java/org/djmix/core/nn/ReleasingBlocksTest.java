package org.djmix.core.nn;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The releasing blocks close intermediates, keep inputs and outputs, and change no gradient. */
class ReleasingBlocksTest {

    /** A block that applies {@code f} and remembers every array it returned. */
    private static Block recording(UnaryOperator<NDArray> f, List<NDArray> seen) {
        return new LambdaBlock(
                list -> {
                    NDArray out = f.apply(list.singletonOrThrow());
                    seen.add(out);
                    return new NDList(out);
                });
    }

    @Test
    void aChainClosesEachIntermediateButNotItsInputOutputOrAPassedThroughArray() {
        try (NDManager manager = NDManager.newBaseManager()) {
            List<NDArray> seen = new ArrayList<>();
            SequentialBlock chain =
                    new ReleasingSequentialBlock()
                            .add(recording(x -> x.mul(2), seen))
                            .add(recording(x -> x, seen))
                            .add(recording(x -> x.add(1), seen))
                            .add(recording(NDArray::exp, seen));
            NDArray input = manager.create(new float[] {0.5f, -1f});
            NDList output =
                    chain.forward(new ParameterStore(manager, false), new NDList(input), false);
            assertThat(output.head().toFloatArray())
                    .containsExactly((float) Math.exp(2), (float) Math.exp(-1));
            assertThat(input.isReleased()).isFalse();
            assertThat(output.head().isReleased()).isFalse();
            // x·2 (passed through by the identity), then x·2 + 1: both consumed and closed
            assertThat(seen.get(0).isReleased()).isTrue();
            assertThat(seen.get(2).isReleased()).isTrue();
        }
    }

    @Test
    void anIdentityChainReturnsItsInputOpen() {
        try (NDManager manager = NDManager.newBaseManager()) {
            SequentialBlock chain =
                    new ReleasingSequentialBlock()
                            .add(Blocks.identityBlock())
                            .add(Blocks.identityBlock());
            NDArray input = manager.create(3f);
            NDList output =
                    chain.forward(new ParameterStore(manager, false), new NDList(input), false);
            assertThat(output.head()).isSameAs(input);
            assertThat(input.isReleased()).isFalse();
        }
    }

    @Test
    void aResidualSumClosesItsBranchesButNotAnIdentityShortcut() {
        try (NDManager manager = NDManager.newBaseManager()) {
            List<NDArray> seen = new ArrayList<>();
            Block sum =
                    ReleasingParallelBlock.residualSum(
                            recording(x -> x.mul(3), seen), Blocks.identityBlock());
            NDArray input = manager.create(new float[] {1f, 2f});
            NDList output =
                    sum.forward(new ParameterStore(manager, false), new NDList(input), false);
            assertThat(output.head().toFloatArray()).containsExactly(4f, 8f);
            assertThat(seen.get(0).isReleased()).isTrue();
            assertThat(input.isReleased()).isFalse();
        }
    }

    @Test
    void gradientsAreThoseOfDjlsBlocksThoughIntermediatesWereClosedBeforeTheBackwardPass() {
        float[][] released = gradients(true);
        float[][] plain = gradients(false);
        assertThat(released[0]).containsExactly(plain[0]);
        assertThat(released[1]).containsExactly(plain[1]);
        assertThat(released[0]).isNotEqualTo(new float[released[0].length]);
    }

    /** The gradients of a residual MLP's first weight and of its input. */
    private static float[][] gradients(boolean releasing) {
        try (NDManager manager = NDManager.newBaseManager()) {
            manager.getEngine().setRandomSeed(7);
            SequentialBlock body =
                    releasing ? new ReleasingSequentialBlock() : new SequentialBlock();
            body.add(Linear.builder().setUnits(6).build())
                    .add(Activation::tanh)
                    .add(Linear.builder().setUnits(6).build());
            Block residual =
                    releasing
                            ? ReleasingParallelBlock.residualSum(body, Blocks.identityBlock())
                            : new ParallelBlock(
                                    list -> new NDList(list.get(0).head().add(list.get(1).head())),
                                    List.of(body, Blocks.identityBlock()));
            SequentialBlock net =
                    releasing ? new ReleasingSequentialBlock() : new SequentialBlock();
            net.add(residual).add(Activation::sigmoid);
            net.setInitializer(new NormalInitializer(0.5f), Parameter.Type.WEIGHT);
            net.initialize(manager, DataType.FLOAT32, new Shape(4, 6));
            NDArray x = manager.randomNormal(new Shape(4, 6));
            x.setRequiresGradient(true);
            try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
                NDArray y =
                        net.forward(new ParameterStore(manager, false), new NDList(x), true).head();
                collector.backward(y.square().sum());
            }
            NDArray weight =
                    body.getChildren()
                            .get(0)
                            .getValue()
                            .getParameters()
                            .get(0)
                            .getValue()
                            .getArray();
            return new float[][] {
                weight.getGradient().toFloatArray(), x.getGradient().toFloatArray()
            };
        }
    }
}
