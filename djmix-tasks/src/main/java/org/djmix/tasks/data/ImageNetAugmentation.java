package org.djmix.tasks.data;

import org.apache.commons.math3.random.RandomGenerator;
import org.djmix.image.ByteImage;
import org.djmix.image.PilResize;
import org.djmix.image.PilResize.Region;

/**
 * torchvision's ImageNet reference recipe for image sizes that vary. Training: {@code
 * RandomResizedCrop(size, scale=(0.08, 1), ratio=(3/4, 4/3))}, a crop of area \(s \cdot HW\), \(s
 * \sim U(0.08, 1)\), and aspect ratio \(r\), \(\log r \sim U(\log\tfrac34, \log\tfrac43)\), placed
 * uniformly (ten tries, then a centre crop with the ratio clamped), resized to size × size with
 * PIL's bilinear filter, then a horizontal flip with probability ½. Evaluation: {@code
 * Resize(round(size / 0.875))} of the shorter side (256 for 224) and {@code CenterCrop(size)}. Each
 * draw comes from the given generator, in torchvision's order, so a generator seeded per epoch and
 * image makes the augmentation reproducible.
 */
public final class ImageNetAugmentation {

    /** The smallest crop area, as a fraction of the image. */
    public static final double MIN_SCALE = 0.08;

    /** The largest crop area, as a fraction of the image. */
    public static final double MAX_SCALE = 1.0;

    /** The smallest crop aspect ratio (width / height). */
    public static final double MIN_RATIO = 3.0 / 4.0;

    /** The largest crop aspect ratio (width / height). */
    public static final double MAX_RATIO = 4.0 / 3.0;

    private static final int ATTEMPTS = 10;
    private static final double CROP_FRACTION = 0.875;

    private final int size;
    private final boolean training;

    private ImageNetAugmentation(int size, boolean training) {
        if (size <= 0) {
            throw new IllegalArgumentException("the image size must be > 0, got " + size);
        }
        this.size = size;
        this.training = training;
    }

    /**
     * The training transform: random resized crop and flip.
     *
     * @param size the output side (224 for ImageNet)
     * @return the transform
     */
    public static ImageNetAugmentation training(int size) {
        return new ImageNetAugmentation(size, true);
    }

    /**
     * The evaluation transform: resize the shorter side, crop the centre.
     *
     * @param size the output side (224 for ImageNet)
     * @return the transform
     */
    public static ImageNetAugmentation evaluation(int size) {
        return new ImageNetAugmentation(size, false);
    }

    /**
     * Returns the output side.
     *
     * @return size of the square images this returns
     */
    public int size() {
        return size;
    }

    /**
     * Returns whether this is the random training transform.
     *
     * @return true for training, false for evaluation
     */
    public boolean isTraining() {
        return training;
    }

    /**
     * Transforms one image.
     *
     * @param image any size, 1 or 3 channels
     * @param random the image's generator (training); ignored for evaluation
     * @return a new size × size image
     */
    public ByteImage apply(ByteImage image, RandomGenerator random) {
        int h = image.height();
        int w = image.width();
        if (!training) {
            int shorter = (int) Math.round(size / CROP_FRACTION);
            int resizedH = h <= w ? shorter : (int) ((long) shorter * h / w);
            int resizedW = h <= w ? (int) ((long) shorter * w / h) : shorter;
            Region window =
                    new Region(
                            (int) Math.rint((resizedH - size) / 2.0),
                            (int) Math.rint((resizedW - size) / 2.0),
                            size,
                            size);
            return PilResize.bilinear(image, Region.whole(h, w), resizedH, resizedW, window);
        }
        Region crop = cropBox(h, w, random);
        ByteImage out = PilResize.bilinear(image, crop, size, size, Region.whole(size, size));
        return random.nextDouble() < 0.5 ? flip(out) : out;
    }

    /**
     * torchvision's {@code RandomResizedCrop.get_params}: the crop before resizing.
     *
     * @param height the image's height
     * @param width the image's width
     * @param random the generator
     * @return the crop, inside the image
     */
    public static Region cropBox(int height, int width, RandomGenerator random) {
        double area = (double) height * width;
        double logMin = Math.log(MIN_RATIO);
        double logMax = Math.log(MAX_RATIO);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            double target = area * (MIN_SCALE + (MAX_SCALE - MIN_SCALE) * random.nextDouble());
            double ratio = Math.exp(logMin + (logMax - logMin) * random.nextDouble());
            int w = (int) Math.rint(Math.sqrt(target * ratio));
            int h = (int) Math.rint(Math.sqrt(target / ratio));
            if (w > 0 && w <= width && h > 0 && h <= height) {
                int top = random.nextInt(height - h + 1);
                int left = random.nextInt(width - w + 1);
                return new Region(top, left, h, w);
            }
        }
        double ratio = (double) width / height;
        int w = width;
        int h = height;
        if (ratio < MIN_RATIO) {
            h = (int) Math.rint(w / MIN_RATIO);
        } else if (ratio > MAX_RATIO) {
            w = (int) Math.rint(h * MAX_RATIO);
        }
        return new Region((height - h) / 2, (width - w) / 2, h, w);
    }

    private static ByteImage flip(ByteImage image) {
        int h = image.height();
        int w = image.width();
        byte[] in = image.array();
        byte[] out = new byte[in.length];
        for (int row = 0; row < image.channels() * h; row++) {
            int base = row * w;
            for (int x = 0; x < w; x++) {
                out[base + x] = in[base + w - 1 - x];
            }
        }
        return ByteImage.wrap(image.channels(), h, w, out);
    }
}
