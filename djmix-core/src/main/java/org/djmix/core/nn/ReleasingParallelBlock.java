package org.djmix.core.nn;

import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.nn.ParallelBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A {@link ParallelBlock} that closes its branches' outputs once its function has combined them:
 * \(y = \phi(b_1(x), \dots, b_n(x))\), then every \(b_i(x)\) is released (a residual sum \(F(x) +
 * S(x)\) keeps only the sum). See {@link ReleasingSequentialBlock} for why, and why it is safe for
 * the backward pass. The block's input, its output and a branch output that is the input itself (an
 * identity shortcut) are never closed.
 */
public class ReleasingParallelBlock extends ParallelBlock {

    private final Function<List<NDList>, NDList> combine;

    /**
     * Creates the block.
     *
     * @param combine combines the branches' outputs, in the branches' order
     * @param branches the branches, each applied to the block's input
     */
    public ReleasingParallelBlock(Function<List<NDList>, NDList> combine, List<Block> branches) {
        super(combine, branches);
        this.combine = combine;
    }

    /**
     * The residual sum \(F(x) + S(x)\).
     *
     * @param main F
     * @param shortcut S (e.g. the identity)
     * @return the block
     */
    public static ReleasingParallelBlock residualSum(Block main, Block shortcut) {
        return new ReleasingParallelBlock(
                outputs ->
                        new NDList(
                                outputs.get(0)
                                        .singletonOrThrow()
                                        .add(outputs.get(1).singletonOrThrow())),
                List.of(main, shortcut));
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore,
            NDList inputs,
            boolean training,
            PairList<String, Object> params) {
        return combineAndRelease(
                inputs, block -> block.forward(parameterStore, inputs, training, params));
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore,
            NDList data,
            NDList labels,
            PairList<String, Object> params) {
        return combineAndRelease(
                data, block -> block.forward(parameterStore, data, labels, params));
    }

    /** Runs every branch on the input, combines their outputs, then closes them. */
    private NDList combineAndRelease(NDList inputs, Function<Block, NDList> branch) {
        List<NDList> outputs = new ArrayList<>(children.size());
        for (Block block : children.values()) {
            outputs.add(branch.apply(block));
        }
        NDList result = combine.apply(outputs);
        for (NDList output : outputs) {
            if (output != inputs) {
                Intermediates.close(output, inputs, result);
            }
        }
        return result;
    }
}
