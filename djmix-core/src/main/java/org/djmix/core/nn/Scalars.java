package org.djmix.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Multiplies and divides by a number safely inside an autograd graph: \(x \cdot c\) and \(x / c\)
 * with \(c\) held in a tensor that PyTorch owns.
 *
 * <p>Why: DJL's {@code NDArray.mul(Number)} and {@code div(Number)} on PyTorch wrap the number in a
 * tensor over a Java direct buffer (without a copy) and close it right after the operation.
 * Autograd keeps that tensor for the backward pass ({@code MulBackward} and {@code DivBackward}
 * need it), so the gradient is scaled by whatever the memory holds once the garbage collector has
 * freed the buffer: at random, a wrong scale, and NaN when the bytes form one (docs/design.md,
 * "Scalars in the graph"). {@code add} and {@code sub} of a number keep no such tensor and stay
 * safe.
 */
public final class Scalars {

    private Scalars() {}

    /**
     * Returns \(x \cdot c\).
     *
     * @param x the array, possibly in a graph
     * @param c the number
     * @return the product, on x's device and manager
     */
    public static NDArray mul(NDArray x, double c) {
        return x.mul(scalar(x, c));
    }

    /**
     * Returns \(x / c\).
     *
     * @param x the array, possibly in a graph
     * @param c the number
     * @return the quotient, on x's device and manager
     */
    public static NDArray div(NDArray x, double c) {
        return x.div(scalar(x, c));
    }

    /** A 0-d tensor of x's type and device whose memory PyTorch allocates and owns. */
    private static NDArray scalar(NDArray x, double c) {
        return x.getManager().full(new Shape(), (float) c, x.getDataType(), x.getDevice());
    }
}
