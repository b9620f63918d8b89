package org.djmix.tasks.detection;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;

/**
 * Faster R-CNN's box parametrisation (torchvision's {@code BoxCoder}): a box relative to a
 * reference box of centre (x_a, y_a) and size (w_a, h_a) is \(t = (w_x \frac{x - x_a}{w_a}, w_y
 * \frac{y - y_a}{h_a}, w_w \log\frac{w}{w_a}, w_h \log\frac{h}{h_a})\). Decoding clamps the log
 * sizes at log(1000/16) so that no box explodes. RPN uses weights (1, 1, 1, 1), the box head (10,
 * 10, 5, 5).
 *
 * @param wx weight of the x offset
 * @param wy weight of the y offset
 * @param ww weight of the log width
 * @param wh weight of the log height
 */
public record BoxCoder(float wx, float wy, float ww, float wh) {

    /** The largest log-scale a decoded box may take, log(1000 / 16). */
    public static final float SCALE_CLAMP = (float) Math.log(1000.0 / 16);

    /**
     * Encodes boxes against their references.
     *
     * @param boxes (N, 4) target boxes
     * @param references (N, 4) the anchors or proposals
     * @return (N, 4) the codes
     */
    public NDArray encode(NDArray boxes, NDArray references) {
        Centred box = Centred.of(boxes);
        Centred reference = Centred.of(references);
        NDArray dx = box.x.sub(reference.x).div(reference.w).mul(wx);
        NDArray dy = box.y.sub(reference.y).div(reference.h).mul(wy);
        NDArray dw = box.w.div(reference.w).log().mul(ww);
        NDArray dh = box.h.div(reference.h).log().mul(wh);
        return NDArrays.stack(new NDList(dx, dy, dw, dh), 1);
    }

    /**
     * Decodes codes against their references.
     *
     * @param codes (N, 4·K) codes, K boxes per reference (one per class in the box head)
     * @param references (N, 4)
     * @return (N, 4·K) boxes x1, y1, x2, y2
     */
    public NDArray decode(NDArray codes, NDArray references) {
        Centred reference = Centred.of(references);
        NDArray dx = codes.get(new NDIndex(":, 0::4")).div(wx);
        NDArray dy = codes.get(new NDIndex(":, 1::4")).div(wy);
        NDArray dw = codes.get(new NDIndex(":, 2::4")).div(ww).clip(-Float.MAX_VALUE, SCALE_CLAMP);
        NDArray dh = codes.get(new NDIndex(":, 3::4")).div(wh).clip(-Float.MAX_VALUE, SCALE_CLAMP);
        NDArray width = reference.w.expandDims(1);
        NDArray height = reference.h.expandDims(1);
        NDArray x = dx.mul(width).add(reference.x.expandDims(1));
        NDArray y = dy.mul(height).add(reference.y.expandDims(1));
        NDArray halfW = dw.exp().mul(width).mul(0.5f);
        NDArray halfH = dh.exp().mul(height).mul(0.5f);
        NDArray stacked =
                NDArrays.stack(
                        new NDList(x.sub(halfW), y.sub(halfH), x.add(halfW), y.add(halfH)), 2);
        return stacked.reshape(codes.getShape());
    }

    /** Boxes as centre and size. */
    private record Centred(NDArray x, NDArray y, NDArray w, NDArray h) {

        static Centred of(NDArray boxes) {
            NDArray x1 = boxes.get(new NDIndex(":, 0"));
            NDArray y1 = boxes.get(new NDIndex(":, 1"));
            NDArray w = boxes.get(new NDIndex(":, 2")).sub(x1);
            NDArray h = boxes.get(new NDIndex(":, 3")).sub(y1);
            return new Centred(x1.add(w.mul(0.5f)), y1.add(h.mul(0.5f)), w, h);
        }
    }
}
