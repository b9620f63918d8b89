package org.djmix.tasks.data;

import org.apache.commons.math3.random.RandomGenerator;
import org.djmix.image.ByteImage;

/**
 * The paper's base augmentation of training images (applied before any method): a random crop of
 * the image padded with 4 black pixels on each side, a horizontal flip with probability ½, and
 * random erasing (Zhong et al. 2020, torchvision's defaults: probability ½, area 2–33 % of the
 * image, aspect ratio 0.3–3.3 on a log scale, filled with 0). Each step draws from the given
 * generator only, so a seeded generator per image and epoch makes the data order and the
 * augmentation reproducible.
 */
public final class BaseAugmentation {

    private static final int PAD = 4;
    private static final double ERASE_PROBABILITY = 0.5;
    private static final double MIN_AREA = 0.02;
    private static final double MAX_AREA = 0.33;
    private static final double MIN_RATIO = 0.3;
    private static final double MAX_RATIO = 3.3;
    private static final int ERASE_ATTEMPTS = 10;

    private final boolean erase;

    /**
     * Creates the augmentation.
     *
     * @param erase whether to apply random erasing after crop and flip
     */
    public BaseAugmentation(boolean erase) {
        this.erase = erase;
    }

    /**
     * Augments one image.
     *
     * @param image the input, left unchanged
     * @param random the generator for this image
     * @return a new image of the same shape
     */
    public ByteImage apply(ByteImage image, RandomGenerator random) {
        int c = image.channels();
        int h = image.height();
        int w = image.width();
        byte[] in = image.array();
        byte[] out = new byte[in.length];
        int top = random.nextInt(2 * PAD + 1) - PAD;
        int left = random.nextInt(2 * PAD + 1) - PAD;
        boolean flip = random.nextDouble() < 0.5;
        for (int ch = 0; ch < c; ch++) {
            for (int y = 0; y < h; y++) {
                int sy = y + top;
                if (sy < 0 || sy >= h) {
                    continue;
                }
                for (int x = 0; x < w; x++) {
                    int sx = (flip ? w - 1 - x : x) + left;
                    if (sx >= 0 && sx < w) {
                        out[(ch * h + y) * w + x] = in[(ch * h + sy) * w + sx];
                    }
                }
            }
        }
        if (erase && random.nextDouble() < ERASE_PROBABILITY) {
            eraseRectangle(out, c, h, w, random);
        }
        return ByteImage.wrap(c, h, w, out);
    }

    /** torchvision's {@code RandomErasing.get_params}: up to 10 tries to fit a rectangle. */
    private static void eraseRectangle(byte[] pixels, int c, int h, int w, RandomGenerator random) {
        double area = (double) h * w;
        for (int attempt = 0; attempt < ERASE_ATTEMPTS; attempt++) {
            double target = area * (MIN_AREA + (MAX_AREA - MIN_AREA) * random.nextDouble());
            double logRatio =
                    Math.log(MIN_RATIO)
                            + (Math.log(MAX_RATIO) - Math.log(MIN_RATIO)) * random.nextDouble();
            double ratio = Math.exp(logRatio);
            int eh = (int) Math.round(Math.sqrt(target * ratio));
            int ew = (int) Math.round(Math.sqrt(target / ratio));
            if (eh >= h || ew >= w || eh < 1 || ew < 1) {
                continue;
            }
            int y0 = random.nextInt(h - eh + 1);
            int x0 = random.nextInt(w - ew + 1);
            for (int ch = 0; ch < c; ch++) {
                for (int y = y0; y < y0 + eh; y++) {
                    for (int x = x0; x < x0 + ew; x++) {
                        pixels[(ch * h + y) * w + x] = 0;
                    }
                }
            }
            return;
        }
    }
}
