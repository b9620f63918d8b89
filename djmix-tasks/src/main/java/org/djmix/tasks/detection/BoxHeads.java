package org.djmix.tasks.detection;

import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import java.util.List;
import org.djmix.core.nn.ReleasingSequentialBlock;

/**
 * Faster R-CNN's box branch, as torchvision's {@code TwoMLPHead} and {@code FastRCNNPredictor}:
 * pooled regions (R, C, 7, 7) are flattened and go through two fully connected layers with ReLU
 * ({@code fc6}, {@code fc7}, 1 024 units), then one linear layer scores the K + 1 classes
 * (background first) and another regresses 4 (K + 1) box codes.
 */
public final class BoxHeads {

    private BoxHeads() {}

    /**
     * Builds the two-layer head.
     *
     * @param representation the units of both layers (1 024)
     * @return a block (R, C, s, s) → (R, representation)
     */
    public static Block twoMlp(int representation) {
        SequentialBlock head = new ReleasingSequentialBlock();
        head.add(Blocks.batchFlattenBlock());
        head.add(Linear.builder().setUnits(representation).build());
        head.add(Activation.reluBlock());
        head.add(Linear.builder().setUnits(representation).build());
        head.add(Activation.reluBlock());
        return head;
    }

    /**
     * Builds the predictor.
     *
     * @param classes K + 1, background included
     * @return a block (R, representation) → class logits (R, K + 1) and codes (R, 4 (K + 1))
     */
    public static Block predictor(int classes) {
        return new ParallelBlock(
                (List<NDList> outputs) -> new NDList(outputs.get(0).head(), outputs.get(1).head()),
                List.of(
                        Linear.builder().setUnits(classes).build(),
                        Linear.builder().setUnits(4L * classes).build()));
    }
}
