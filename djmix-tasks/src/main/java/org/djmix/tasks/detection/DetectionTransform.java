package org.djmix.tasks.detection;

import org.apache.commons.math3.random.RandomGenerator;
import org.djmix.image.ByteImage;
import org.djmix.image.PixelCentreResize;

/**
 * The geometry of a detection sample, applied alike to the image and its boxes: torchvision's
 * detection resize (scale \(s = \min(\frac{m}{\min(H, W)}, \frac{M}{\max(H, W)})\), size \(\lfloor
 * sH \rfloor \times \lfloor sW \rfloor\), bilinear on pixel centres without antialiasing; boxes
 * scaled by the same ratios) and, in training, a horizontal flip with probability ½ (\(x_1' = W -
 * x_2\), \(x_2' = W - x_1\)).
 *
 * @param minSize the target of the shorter side m (torchvision 800)
 * @param maxSize the bound of the longer side M (torchvision 1 333)
 * @param flip whether to flip at random (training)
 */
public record DetectionTransform(int minSize, int maxSize, boolean flip) {

    /**
     * Checks the sizes.
     *
     * @param minSize &gt; 0
     * @param maxSize &ge; minSize
     * @param flip any
     */
    public DetectionTransform {
        if (minSize < 1 || maxSize < minSize) {
            throw new IllegalArgumentException(
                    "need 0 < min size <= max size, got " + minSize + " and " + maxSize);
        }
    }

    /**
     * A transformed sample.
     *
     * @param image the resized (and flipped) image
     * @param boxes its boxes, 4 per object
     * @param scaleY new height / old height
     * @param scaleX new width / old width
     * @param flipped whether it was flipped
     */
    public record Result(
            ByteImage image, float[] boxes, float scaleY, float scaleX, boolean flipped) {}

    /**
     * Transforms one sample.
     *
     * @param image the image
     * @param boxes its boxes, 4 per object, in its pixels
     * @param random the flip's draw (ignored without flipping)
     * @return the image and boxes
     */
    public Result apply(ByteImage image, float[] boxes, RandomGenerator random) {
        int h = image.height();
        int w = image.width();
        double scale =
                Math.min((double) minSize / Math.min(h, w), (double) maxSize / Math.max(h, w));
        int height = Math.max(1, (int) Math.floor(h * scale));
        int width = Math.max(1, (int) Math.floor(w * scale));
        ByteImage resized =
                height == h && width == w
                        ? image
                        : PixelCentreResize.bilinear(image, height, width);
        float ry = (float) height / h;
        float rx = (float) width / w;
        boolean flipped = flip && random.nextBoolean();
        float[] out = new float[boxes.length];
        for (int i = 0; i < boxes.length / 4; i++) {
            float x1 = boxes[4 * i] * rx;
            float x2 = boxes[4 * i + 2] * rx;
            out[4 * i] = flipped ? width - x2 : x1;
            out[4 * i + 1] = boxes[4 * i + 1] * ry;
            out[4 * i + 2] = flipped ? width - x1 : x2;
            out[4 * i + 3] = boxes[4 * i + 3] * ry;
        }
        return new Result(flipped ? resized.flippedHorizontally() : resized, out, ry, rx, flipped);
    }
}
