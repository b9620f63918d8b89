package org.djmix.core.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.loss.Loss;
import org.djmix.core.nn.Scalars;

/**
 * A divergence \(d(f(v_1), \dots, f(v_k))\) between the model's outputs on \(k\) views of the same
 * batch, computed over a class axis and averaged over every other position (the batch, and the
 * pixels of segmentation logits).
 *
 * <p>{@link #evaluate} reads only {@code predictions}: one logits array per view, all of one shape;
 * {@code labels} are ignored. It checks its input and names what is wrong.
 */
public abstract class ConsistencyLoss extends Loss {

    private final int classAxis;
    private final int minViews;
    private final int maxViews;

    /**
     * Creates the loss.
     *
     * @param name the name shown in logs
     * @param classAxis the class axis of the logits (1 for (N, C) and (N, C, H, W))
     * @param minViews the fewest views it compares
     * @param maxViews the most views it compares
     */
    protected ConsistencyLoss(String name, int classAxis, int minViews, int maxViews) {
        super(name);
        if (classAxis < 0) {
            throw new IllegalArgumentException("classAxis must be >= 0, got " + classAxis);
        }
        this.classAxis = classAxis;
        this.minViews = minViews;
        this.maxViews = maxViews;
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        checkViews(predictions);
        NDArray value = divergence(predictions);
        if (Float.isNaN(value.getFloat())) {
            for (int i = 0; i < predictions.size(); i++) {
                if (predictions.get(i).isNaN().any().getBoolean()) {
                    throw new IllegalArgumentException(
                            "predictions["
                                    + i
                                    + "] contains NaN logits; "
                                    + getName()
                                    + " expects finite values");
                }
            }
        }
        return value;
    }

    /**
     * Computes the divergence of checked views.
     *
     * @param logits one logits array per view, same shape, class axis {@link #classAxis()}
     * @return the scalar divergence
     */
    protected abstract NDArray divergence(NDList logits);

    /**
     * Returns the class axis.
     *
     * @return the axis the softmax runs over
     */
    protected int classAxis() {
        return classAxis;
    }

    /**
     * Sums a per-element quantity over the class axis and averages it over every other position
     * (PyTorch's {@code batchmean} for (N, C) logits).
     *
     * @param perElement a quantity of the logits' shape
     * @return the scalar mean
     */
    protected NDArray meanOverPositions(NDArray perElement) {
        Shape shape = perElement.getShape();
        long positions = shape.size() / shape.get(classAxis);
        return Scalars.div(perElement.sum(), positions);
    }

    private void checkViews(NDList predictions) {
        int k = predictions.size();
        if (k < minViews || k > maxViews) {
            String expected =
                    minViews == maxViews ? "" + minViews : "from " + minViews + " to " + maxViews;
            throw new IllegalArgumentException(
                    getName() + " compares " + expected + " views (predictions), got " + k);
        }
        Shape shape = predictions.head().getShape();
        if (shape.dimension() < 2 || classAxis >= shape.dimension()) {
            throw new IllegalArgumentException(
                    "predictions[0] must have rank >= 2 with class axis "
                            + classAxis
                            + ", got shape "
                            + shape);
        }
        for (int i = 0; i < k; i++) {
            NDArray view = predictions.get(i);
            if (!view.getShape().equals(shape)) {
                throw new IllegalArgumentException(
                        "predictions["
                                + i
                                + "] must have the shape of predictions[0] "
                                + shape
                                + ", got "
                                + view.getShape());
            }
            if (!view.getDataType().isFloating()) {
                throw new IllegalArgumentException(
                        "predictions["
                                + i
                                + "] must be floating-point logits, got "
                                + view.getDataType());
            }
        }
    }
}
