package org.djmix.tasks.segmentation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.djmix.core.nn.ReleasingSequentialBlock;
import org.djmix.core.nn.Scalars;
import org.djmix.tasks.classification.ModelBlocks;

/**
 * ASPP's image-level branch (torchvision's {@code ASPPPooling}): \(y = \mathrm{ReLU}(\mathrm{BN}(W
 * \cdot \bar{x}))\) with \(\bar{x}\) the spatial mean of each channel, spread back over the input's
 * H×W (bilinear upsampling of a 1×1 map, which is a copy).
 */
final class ImagePooling extends AbstractBlock {

    private static final byte VERSION = 1;

    private final Block project;

    ImagePooling(int channels) {
        super(VERSION);
        project =
                addChildBlock(
                        "project",
                        new ReleasingSequentialBlock()
                                .add(ModelBlocks.conv(channels, 1, 1))
                                .add(ModelBlocks.bnRelu()));
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore,
            NDList inputs,
            boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        Shape shape = x.getShape();
        NDArray mean = Scalars.div(x.sum(new int[] {2, 3}, true), shape.get(2) * shape.get(3));
        NDArray y = project.forward(parameterStore, new NDList(mean), training).head();
        mean.close();
        NDArray spread =
                y.broadcast(
                        new Shape(shape.get(0), y.getShape().get(1), shape.get(2), shape.get(3)));
        y.close();
        return new NDList(spread);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        Shape pooled =
                project.getOutputShapes(new Shape[] {new Shape(in.get(0), in.get(1), 1, 1)})[0];
        return new Shape[] {new Shape(in.get(0), pooled.get(1), in.get(2), in.get(3))};
    }

    @Override
    protected void initializeChildBlocks(
            NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in = inputShapes[0];
        project.initialize(manager, dataType, new Shape(in.get(0), in.get(1), 1, 1));
    }
}
