package org.djmix.tasks.detection;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.djmix.tasks.classification.ModelBlocks;

/**
 * The region proposal network's head, as torchvision's {@code RPNHead}, shared by every pyramid
 * level: a 3×3 convolution and ReLU, then per anchor one objectness logit (1×1 convolution to A
 * channels) and four box deltas (1×1 convolution to 4A). For L levels the output lists the L
 * objectness maps (N, A, H_l, W_l), then the L delta maps (N, 4A, H_l, W_l).
 */
public final class RpnHead extends AbstractBlock {

    private static final byte VERSION = 1;

    private final Block conv;
    private final Block objectness;
    private final Block deltas;

    /**
     * Creates the head.
     *
     * @param channels the pyramid's channels (256)
     * @param anchorsPerCell A (3)
     */
    public RpnHead(int channels, int anchorsPerCell) {
        super(VERSION);
        conv = addChildBlock("conv", ModelBlocks.convWithBias(channels, 3));
        objectness = addChildBlock("cls_logits", ModelBlocks.convWithBias(anchorsPerCell, 1));
        deltas = addChildBlock("bbox_pred", ModelBlocks.convWithBias(4 * anchorsPerCell, 1));
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore,
            NDList inputs,
            boolean training,
            PairList<String, Object> params) {
        NDList logits = new NDList();
        NDList boxes = new NDList();
        for (NDArray level : inputs) {
            NDArray t =
                    Activation.relu(
                            conv.forward(parameterStore, new NDList(level), training).head());
            logits.add(objectness.forward(parameterStore, new NDList(t), training).head());
            boxes.add(deltas.forward(parameterStore, new NDList(t), training).head());
        }
        return logits.addAll(boxes);
    }

    @Override
    protected void initializeChildBlocks(
            NDManager manager, DataType dataType, Shape... inputShapes) {
        conv.initialize(manager, dataType, inputShapes[0]);
        Shape hidden = conv.getOutputShapes(new Shape[] {inputShapes[0]})[0];
        objectness.initialize(manager, dataType, hidden);
        deltas.initialize(manager, dataType, hidden);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape[] shapes = new Shape[2 * inputShapes.length];
        for (int i = 0; i < inputShapes.length; i++) {
            Shape hidden = conv.getOutputShapes(new Shape[] {inputShapes[i]})[0];
            shapes[i] = objectness.getOutputShapes(new Shape[] {hidden})[0];
            shapes[inputShapes.length + i] = deltas.getOutputShapes(new Shape[] {hidden})[0];
        }
        return shapes;
    }
}
