package org.djmix.tasks.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.BitSet;
import org.djmix.corruptions.LabelledImages;
import org.djmix.image.ByteImage;

/**
 * A trained classifier f, frozen, that counts its mistakes on labelled 8-bit images (fed as
 * \(v/255\), in batches, in inference mode, without recording gradients).
 */
public final class ImageClassifier {

    private final Block model;
    private final NDManager manager;
    private final ParameterStore parameters;
    private final Shape imageShape;
    private final int batchSize;

    /**
     * Wraps an initialised model.
     *
     * @param model f, with its trained parameters
     * @param manager where the batches are made (its device is used)
     * @param imageShape (C, H, W) the model expects
     * @param batchSize images per forward
     */
    public ImageClassifier(Block model, NDManager manager, Shape imageShape, int batchSize) {
        this.model = model;
        this.manager = manager;
        this.parameters = new ParameterStore(manager, false);
        this.imageShape = imageShape;
        this.batchSize = batchSize;
        model.freezeParameters(true);
    }

    /**
     * Returns the predicted classes of a batch.
     *
     * @param images (B, C, H, W) floats in [0, 1], on the classifier's device
     * @return the argmax class of each image
     */
    public long[] predict(NDArray images) {
        NDList out = model.forward(parameters, new NDList(images), false);
        return out.head().argMax(1).toLongArray();
    }

    /**
     * Returns the shape of the images the model takes.
     *
     * @return (C, H, W)
     */
    public Shape getImageShape() {
        return imageShape;
    }

    /**
     * Returns the error rate on a set of images.
     *
     * @param images the images, of the model's shape
     * @return wrong / total, in [0, 1]
     * @throws IllegalArgumentException naming the shapes if an image does not fit the model
     */
    public double errorRate(LabelledImages images) {
        return (double) mistakes(images).cardinality() / Math.max(1, images.size());
    }

    /**
     * Returns which images the model gets wrong.
     *
     * @param images the images, of the model's shape
     * @return bit {@code i} set when image {@code i} is misclassified
     * @throws IllegalArgumentException naming the shapes if an image does not fit the model
     */
    public BitSet mistakes(LabelledImages images) {
        int n = images.size();
        int size = (int) imageShape.size();
        BitSet wrong = new BitSet(n);
        for (int start = 0; start < n; start += batchSize) {
            int count = Math.min(batchSize, n - start);
            float[] pixels = new float[count * size];
            int[] labels = new int[count];
            for (int i = 0; i < count; i++) {
                ByteImage image = images.image(start + i);
                if (image.channels() != imageShape.get(0)
                        || image.height() != imageShape.get(1)
                        || image.width() != imageShape.get(2)) {
                    throw new IllegalArgumentException(
                            "the model takes images of shape "
                                    + imageShape
                                    + ", image "
                                    + (start + i)
                                    + " is "
                                    + image.channels()
                                    + "x"
                                    + image.height()
                                    + "x"
                                    + image.width());
                }
                byte[] bytes = image.array();
                for (int j = 0; j < size; j++) {
                    pixels[i * size + j] = (bytes[j] & 0xFF) / 255f;
                }
                labels[i] = images.label(start + i);
            }
            try (NDManager batch = manager.newSubManager()) {
                long[] predicted =
                        predict(batch.create(pixels, new Shape(count).addAll(imageShape)));
                for (int i = 0; i < count; i++) {
                    wrong.set(start + i, predicted[i] != labels[i]);
                }
            }
        }
        return wrong;
    }
}
