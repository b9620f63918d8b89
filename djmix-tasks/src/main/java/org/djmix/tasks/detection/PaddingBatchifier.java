package org.djmix.tasks.detection;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.StackBatchifier;
import java.util.Arrays;
import java.util.StringJoiner;

/**
 * Stacks records whose arrays differ in size, as detection needs: every array at position j of the
 * records is padded at its ends with {@code fills[j]} to the batch's largest extent on each axis
 * (at least 1), axes after the first rounded up to a multiple of {@code multiples[j]}, then stacked
 * as {@link StackBatchifier} does. Images (3, H, W) padded to a multiple of 32 with 0
 * (torchvision's {@code batch_images}); boxes (M, 4) with 0, classes (M) with −1, so padding rows
 * are not objects.
 */
public final class PaddingBatchifier extends StackBatchifier {

    private static final long serialVersionUID = 1L;

    private final float[] fills;
    private final int[] multiples;

    /**
     * Creates the batchifier.
     *
     * @param fills the padding value of each position
     * @param multiples what the extents after the first axis are rounded up to, per position
     */
    public PaddingBatchifier(float[] fills, int[] multiples) {
        if (fills.length != multiples.length || Arrays.stream(multiples).anyMatch(m -> m < 1)) {
            throw new IllegalArgumentException(
                    "need one fill and one multiple >= 1 per position, got "
                            + Arrays.toString(fills)
                            + " and "
                            + Arrays.toString(multiples));
        }
        this.fills = fills.clone();
        this.multiples = multiples.clone();
    }

    /**
     * The images' batchifier: images (3, H, W) padded with 0 to a multiple of 32, sizes (2) as they
     * are.
     *
     * @return the data batchifier of {@link DetectionDataset}
     */
    public static PaddingBatchifier images() {
        return new PaddingBatchifier(new float[] {0, 0}, new int[] {32, 1});
    }

    /**
     * The targets' batchifier: boxes (M, 4) padded with 0, classes (M) with −1, difficult flags (M)
     * with 0, to the batch's most objects.
     *
     * @return the label batchifier of {@link DetectionDataset}
     */
    public static PaddingBatchifier targets() {
        return new PaddingBatchifier(new float[] {0, -1, 0}, new int[] {1, 1, 1});
    }

    @Override
    public NDList batchify(NDList[] inputs) {
        int positions = inputs[0].size();
        if (positions != fills.length) {
            throw new IllegalArgumentException(
                    "records have " + positions + " arrays, the batchifier pads " + fills.length);
        }
        NDList batch = new NDList(positions);
        for (int j = 0; j < positions; j++) {
            int rank = inputs[0].get(j).getShape().dimension();
            long[] target = new long[rank];
            Arrays.fill(target, 1);
            for (NDList record : inputs) {
                Shape shape = record.get(j).getShape();
                if (shape.dimension() != rank) {
                    throw new IllegalArgumentException(
                            "array " + j + " has rank " + shape.dimension() + " and " + rank);
                }
                for (int a = 0; a < rank; a++) {
                    target[a] = Math.max(target[a], shape.get(a));
                }
            }
            for (int a = 1; a < rank; a++) {
                target[a] = (target[a] + multiples[j] - 1) / multiples[j] * multiples[j];
            }
            NDList padded = new NDList(inputs.length);
            for (NDList record : inputs) {
                padded.add(pad(record.get(j), new Shape(target), fills[j]));
            }
            batch.add(NDArrays.stack(padded));
        }
        return batch;
    }

    private static NDArray pad(NDArray array, Shape target, float fill) {
        Shape shape = array.getShape();
        if (shape.equals(target)) {
            return array;
        }
        NDArray out =
                array.getManager()
                        .full(target, fill, array.getDataType())
                        .toDevice(array.getDevice(), false);
        if (shape.size() > 0) {
            StringJoiner index = new StringJoiner(", ");
            for (long extent : shape.getShape()) {
                index.add(":" + extent);
            }
            out.set(new NDIndex(index.toString()), array);
        }
        return out;
    }
}
