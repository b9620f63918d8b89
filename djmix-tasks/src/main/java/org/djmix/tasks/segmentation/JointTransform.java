package org.djmix.tasks.segmentation;

import java.util.Arrays;
import org.apache.commons.math3.random.RandomGenerator;
import org.djmix.image.ByteImage;
import org.djmix.image.PixelCentreResize;

/**
 * The training transform of torchvision's segmentation reference, one geometry for image and mask:
 * scale by \(s \sim U(s_{min}, s_{max})\) (image bilinear, mask nearest neighbour only), flip
 * horizontally with probability ½, pad bottom and right to the crop size if smaller (image 0, mask
 * {@value SegmentationLoss#IGNORE}) and crop a random square of the crop size. The draws come from
 * the generator passed in, so the dataset seeds them per epoch and image.
 *
 * @param cropSize the side of the training crops (VOC: 513)
 * @param minScale the least scale factor (0.5)
 * @param maxScale the largest scale factor (2.0)
 */
public record JointTransform(int cropSize, double minScale, double maxScale) {

    /** DeepLab's defaults at a given crop size: scale 0.5–2.0. */
    public JointTransform(int cropSize) {
        this(cropSize, 0.5, 2.0);
    }

    /**
     * Checks the values.
     *
     * @param cropSize &gt; 0
     * @param minScale &gt; 0
     * @param maxScale &ge; minScale
     */
    public JointTransform {
        if (cropSize < 1 || minScale <= 0 || maxScale < minScale) {
            throw new IllegalArgumentException(
                    "need cropSize > 0 and 0 < minScale <= maxScale, got "
                            + cropSize
                            + ", "
                            + minScale
                            + ", "
                            + maxScale);
        }
    }

    /**
     * An image and its mask after the transform.
     *
     * @param image 3×crop×crop
     * @param mask 1×crop×crop
     */
    public record Pair(ByteImage image, ByteImage mask) {}

    /**
     * Applies one random draw of the transform.
     *
     * @param image 3×H×W
     * @param mask 1×H×W
     * @param random the draws
     * @return the transformed pair, both cropSize × cropSize
     */
    public Pair apply(ByteImage image, ByteImage mask, RandomGenerator random) {
        double scale = minScale + (maxScale - minScale) * random.nextDouble();
        int h = Math.max(1, (int) Math.round(image.height() * scale));
        int w = Math.max(1, (int) Math.round(image.width() * scale));
        ByteImage scaledImage = PixelCentreResize.bilinear(image, h, w);
        ByteImage scaledMask = PixelCentreResize.nearest(mask, h, w);
        boolean flip = random.nextBoolean();
        int top = h > cropSize ? random.nextInt(h - cropSize + 1) : 0;
        int left = w > cropSize ? random.nextInt(w - cropSize + 1) : 0;
        return new Pair(
                cut(scaledImage, top, left, flip, 0),
                cut(scaledMask, top, left, flip, SegmentationLoss.IGNORE));
    }

    /** The crop at (top, left) of the (flipped) image, padded with {@code fill} where it ends. */
    private ByteImage cut(ByteImage source, int top, int left, boolean flip, int fill) {
        int h = source.height();
        int w = source.width();
        ByteImage out = ByteImage.zeros(source.channels(), cropSize, cropSize);
        byte[] in = source.array();
        byte[] target = out.array();
        Arrays.fill(target, (byte) fill);
        for (int c = 0; c < source.channels(); c++) {
            for (int y = 0; y < cropSize && top + y < h; y++) {
                int row = (c * h + top + y) * w;
                int outRow = (c * cropSize + y) * cropSize;
                for (int x = 0; x < cropSize && left + x < w; x++) {
                    int sx = left + x;
                    target[outRow + x] = in[row + (flip ? w - 1 - sx : sx)];
                }
            }
        }
        return out;
    }
}
