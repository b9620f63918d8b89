package org.djmix.tasks.segmentation;

import java.util.SplittableRandom;
import org.djmix.image.ByteImage;
import org.djmix.tasks.data.Shapes;

/**
 * {@code shapes-seg}: our synthetic segmentation set, generated on demand so that tests and CPU
 * demos need no files. Each S×S image (default 64) shows one to three filled shapes (class 1
 * square, 2 disc, 3 triangle, 4 cross; 0 is the background) of random size, position and colour on
 * a striped gradient; later shapes cover earlier ones. The mask marks each pixel's class, and the
 * one-pixel band where two classes meet is labelled {@value SegmentationLoss#IGNORE}, as VOC marks
 * its object borders. Image {@code i} depends only on the split and {@code i}.
 */
public final class ShapesSegmentation implements SegmentationSource {

    /** Background plus the four shapes of {@link Shapes#CLASSES}. */
    public static final int CLASSES = 1 + Shapes.CLASSES.length;

    private static final long TRAIN_SEED = 0x5E6_0001L;
    private static final long VAL_SEED = 0x5E6_0002L;

    private final int count;
    private final int side;
    private final long seed;

    /**
     * Creates a split.
     *
     * @param train the training split, else the validation split
     * @param count the number of images
     * @param side the image side S, at least 16
     */
    public ShapesSegmentation(boolean train, int count, int side) {
        if (count < 1 || side < 16) {
            throw new IllegalArgumentException(
                    "shapes-seg needs count >= 1 and side >= 16, got " + count + " and " + side);
        }
        this.count = count;
        this.side = side;
        this.seed = train ? TRAIN_SEED : VAL_SEED;
    }

    @Override
    public int size() {
        return count;
    }

    @Override
    public int numClasses() {
        return CLASSES;
    }

    @Override
    public ByteImage image(int index) {
        return draw(index, false);
    }

    @Override
    public ByteImage mask(int index) {
        return draw(index, true);
    }

    @Override
    public String name(int index) {
        return String.format("shapes-seg-%s-%05d", seed == TRAIN_SEED ? "train" : "val", index);
    }

    /** Draws image {@code index}, or its mask: both from the same random draws. */
    private ByteImage draw(int index, boolean wantMask) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + index);
        int[] top = colour(random);
        int[] bottom = colour(random);
        int period = 4 + random.nextInt(9);
        int[] classes = new int[side * side];
        ByteImage image = ByteImage.zeros(3, side, side);
        byte[] pixels = image.array();
        int plane = side * side;
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                int stripe = ((x + y) / period) % 2 == 0 ? 24 : -24;
                for (int c = 0; c < 3; c++) {
                    int v = (top[c] * (side - 1 - y) + bottom[c] * y) / (side - 1) + stripe;
                    pixels[c * plane + y * side + x] = (byte) Math.max(0, Math.min(255, v));
                }
            }
        }
        int shapes = 1 + random.nextInt(3);
        for (int s = 0; s < shapes; s++) {
            int shape = random.nextInt(Shapes.CLASSES.length);
            int[] ink = colour(random);
            int half = side / 10 + random.nextInt(side / 5);
            int cx = half + random.nextInt(side - 2 * half);
            int cy = half + random.nextInt(side - 2 * half);
            for (int y = 0; y < side; y++) {
                for (int x = 0; x < side; x++) {
                    if (Shapes.covers(shape, x - cx, y - cy, half)) {
                        classes[y * side + x] = 1 + shape;
                        for (int c = 0; c < 3; c++) {
                            pixels[c * plane + y * side + x] = (byte) ink[c];
                        }
                    }
                }
            }
        }
        return wantMask ? maskWithBorders(classes) : image;
    }

    /** The class map with 255 wherever a 4-neighbour has another class. */
    private ByteImage maskWithBorders(int[] classes) {
        ByteImage mask = ByteImage.zeros(1, side, side);
        byte[] out = mask.array();
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                int c = classes[y * side + x];
                boolean border =
                        (x > 0 && classes[y * side + x - 1] != c)
                                || (x < side - 1 && classes[y * side + x + 1] != c)
                                || (y > 0 && classes[(y - 1) * side + x] != c)
                                || (y < side - 1 && classes[(y + 1) * side + x] != c);
                out[y * side + x] = (byte) (border ? SegmentationLoss.IGNORE : c);
            }
        }
        return mask;
    }

    private static int[] colour(SplittableRandom random) {
        return new int[] {random.nextInt(256), random.nextInt(256), random.nextInt(256)};
    }
}
