package org.djmix.tasks.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.LinkedHashMap;
import java.util.Map;
import org.djmix.io.NpzFile;
import org.junit.jupiter.api.Test;

/** Pairing by order, with kinds and shapes checked, on a Linear + BatchNorm network. */
class TorchvisionWeightsTest {

    private static NpzFile.Array floats(String name, long[] shape, float... values) {
        ByteBuffer data = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            data.putFloat(v);
        }
        return new NpzFile.Array(name, "f4", shape, data.array());
    }

    private static Map<String, NpzFile.Array> stateDict(boolean swapBatchNorm) {
        Map<String, NpzFile.Array> state = new LinkedHashMap<>();
        state.put("0.weight", floats("0.weight", new long[] {2, 3}, 1, 2, 3, 4, 5, 6));
        state.put("0.bias", floats("0.bias", new long[] {2}, 7, 8));
        String first = swapBatchNorm ? "1.bias" : "1.weight";
        String second = swapBatchNorm ? "1.weight" : "1.bias";
        state.put(first, floats(first, new long[] {2}, 0.5f, 1.5f));
        state.put(second, floats(second, new long[] {2}, -1, 1));
        state.put("1.running_mean", floats("1.running_mean", new long[] {2}, 0.1f, 0.2f));
        state.put("1.running_var", floats("1.running_var", new long[] {2}, 2, 3));
        state.put(
                "1.num_batches_tracked",
                new NpzFile.Array("1.num_batches_tracked", "i8", new long[] {}, new byte[8]));
        state.put("fc.weight", floats("fc.weight", new long[] {1}, 9));
        return state;
    }

    private static Block network(NDManager manager) {
        Block block =
                new SequentialBlock()
                        .add(Linear.builder().setUnits(2).build())
                        .add(BatchNorm.builder().build());
        block.initialize(manager, DataType.FLOAT32, new Shape(4, 3));
        return block;
    }

    @Test
    void loadsByOrderSkippingCountersAndFilteredNames() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = network(manager);
            int loaded =
                    TorchvisionWeights.load(
                            block, stateDict(false), "", name -> name.startsWith("fc."));
            assertThat(loaded).isEqualTo(6);
            var parameters = block.getParameters();
            assertThat(parameters.get(0).getValue().getArray().toFloatArray())
                    .containsExactly(1, 2, 3, 4, 5, 6);
            assertThat(parameters.get(2).getValue().getArray().toFloatArray())
                    .containsExactly(0.5f, 1.5f);
            assertThat(parameters.get(5).getValue().getArray().toFloatArray())
                    .containsExactly(2, 3);
        }
    }

    @Test
    void aMismatchNamesBothSidesAndLoadsNothing() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = network(manager);
            float[] before = block.getParameters().get(0).getValue().getArray().toFloatArray();
            assertThatThrownBy(
                            () ->
                                    TorchvisionWeights.load(
                                            block,
                                            stateDict(true),
                                            "",
                                            name -> name.startsWith("fc.")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("torchvision's 1.bias [2] does not fit our ")
                    .hasMessageContaining("gamma");
            assertThat(block.getParameters().get(0).getValue().getArray().toFloatArray())
                    .containsExactly(before);
            assertThatThrownBy(
                            () -> TorchvisionWeights.load(block, stateDict(false), "", n -> false))
                    .hasMessage("7 arrays under '' but the block has 6 parameters");
        }
    }
}
