package org.djmix.tasks.detection;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import org.djmix.tasks.classification.ModelBlocks;

/**
 * The feature pyramid network of Lin et al. 2017, as torchvision's {@code FeaturePyramidNetwork}
 * with {@code LastLevelMaxPool}: from backbone features C_2..C_5, lateral 1×1 convolutions L_i, a
 * top-down path \(T_5 = L_5(C_5)\), \(T_i = L_i(C_i) + \mathrm{up}(T_{i+1})\) (nearest neighbour to
 * C_i's size), output 3×3 convolutions \(P_i = O_i(T_i)\), and a fifth level \(P_6 =
 * \mathrm{maxpool}_{1, \text{stride } 2}(P_5)\). Children are in torchvision's order (the lateral
 * convolutions, then the output ones), so its {@code fpn.*} weights load by position.
 */
public final class FeaturePyramid extends AbstractBlock {

    private static final byte VERSION = 1;

    private final List<Block> lateral = new ArrayList<>();
    private final List<Block> output = new ArrayList<>();

    /**
     * Creates the pyramid.
     *
     * @param levels the number of backbone levels (4: C_2..C_5)
     * @param channels the pyramid's channels (256)
     */
    public FeaturePyramid(int levels, int channels) {
        super(VERSION);
        for (int i = 0; i < levels; i++) {
            lateral.add(addChildBlock("inner" + i, ModelBlocks.convWithBias(channels, 1)));
        }
        for (int i = 0; i < levels; i++) {
            output.add(addChildBlock("layer" + i, ModelBlocks.convWithBias(channels, 3)));
        }
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore,
            NDList inputs,
            boolean training,
            PairList<String, Object> params) {
        int levels = lateral.size();
        NDArray[] results = new NDArray[levels + 1];
        NDArray top =
                lateral.get(levels - 1)
                        .forward(parameterStore, new NDList(inputs.get(levels - 1)), training)
                        .head();
        results[levels - 1] =
                output.get(levels - 1).forward(parameterStore, new NDList(top), training).head();
        for (int i = levels - 2; i >= 0; i--) {
            NDArray side =
                    lateral.get(i)
                            .forward(parameterStore, new NDList(inputs.get(i)), training)
                            .head();
            top = side.add(nearest(top, side.getShape().get(2), side.getShape().get(3)));
            results[i] = output.get(i).forward(parameterStore, new NDList(top), training).head();
        }
        NDArray last = results[levels - 1];
        results[levels] = last.get(new NDIndex(":, :, ::2, ::2"));
        return new NDList(results);
    }

    /**
     * Nearest-neighbour resize as PyTorch's {@code interpolate(mode="nearest")}: output pixel i
     * takes input pixel ⌊i · in / out⌋.
     */
    static NDArray nearest(NDArray x, long height, long width) {
        Shape shape = x.getShape();
        NDManager manager = x.getManager();
        NDArray rows = manager.create(indices(shape.get(2), height));
        NDArray columns = manager.create(indices(shape.get(3), width));
        return x.get(new NDIndex(":, :, {}", rows)).get(new NDIndex(":, :, :, {}", columns));
    }

    private static long[] indices(long in, long out) {
        long[] index = new long[(int) out];
        for (int i = 0; i < out; i++) {
            index[i] = Math.min(in - 1, (long) Math.floor(i * ((double) in / out)));
        }
        return index;
    }

    @Override
    protected void initializeChildBlocks(
            NDManager manager, DataType dataType, Shape... inputShapes) {
        for (int i = 0; i < lateral.size(); i++) {
            lateral.get(i).initialize(manager, dataType, inputShapes[i]);
            Shape pyramid = lateral.get(i).getOutputShapes(new Shape[] {inputShapes[i]})[0];
            output.get(i).initialize(manager, dataType, pyramid);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape[] shapes = new Shape[lateral.size() + 1];
        for (int i = 0; i < lateral.size(); i++) {
            shapes[i] = lateral.get(i).getOutputShapes(new Shape[] {inputShapes[i]})[0];
        }
        Shape last = shapes[lateral.size() - 1];
        shapes[lateral.size()] =
                new Shape(last.get(0), last.get(1), (last.get(2) + 1) / 2, (last.get(3) + 1) / 2);
        return shapes;
    }
}
