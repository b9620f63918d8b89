package org.djmix.tasks.data;

import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * {@code shapes}: a small synthetic classification set of ours, generated deterministically so that
 * tests and quick runs need no download. Each 32×32 RGB image shows one filled shape — class 0
 * square, 1 disc, 2 triangle, 3 cross — of random size, position and colour on a vertical gradient
 * of two random colours. Image {@code i} of a split depends only on the split and {@code i}.
 */
public final class Shapes {

    /** The class names, by label. */
    public static final String[] CLASSES = {"square", "disc", "triangle", "cross"};

    /** Images in the training split. */
    public static final int TRAIN_SIZE = 5000;

    /** Images in the test split. */
    public static final int TEST_SIZE = 1000;

    private static final int SIDE = 32;
    private static final long TRAIN_SEED = 0x5EED_0001L;
    private static final long TEST_SEED = 0x5EED_0002L;

    /** The least summed RGB distance between the shape and each end of the background. */
    private static final int MIN_CONTRAST = 150;

    private Shapes() {}

    /**
     * Generates one split.
     *
     * @param train the training split ({@value #TRAIN_SIZE} images), else the test split ({@value
     *     #TEST_SIZE})
     * @return a builder holding the images; set its sampling and build it
     */
    public static ImageDataset.Builder generate(boolean train) {
        int count = train ? TRAIN_SIZE : TEST_SIZE;
        long seed = train ? TRAIN_SEED : TEST_SEED;
        int size = 3 * SIDE * SIDE;
        byte[] pixels = new byte[count * size];
        int[] labels = new int[count];
        IntStream.range(0, count)
                .parallel()
                .forEach(
                        i ->
                                labels[i] =
                                        draw(
                                                new SplittableRandom(seed * 1_000_003L + i),
                                                pixels,
                                                i * size));
        return ImageDataset.builder()
                .setImages(pixels, labels, new Shape(3, SIDE, SIDE), CLASSES.length);
    }

    /** Draws one image into {@code out} at {@code offset} and returns its class. */
    private static int draw(SplittableRandom random, byte[] out, int offset) {
        int label = random.nextInt(CLASSES.length);
        int[] top = randomColour(random);
        int[] bottom = randomColour(random);
        int[] ink = randomColour(random);
        while (distance(ink, top) + distance(ink, bottom) < 2 * MIN_CONTRAST) {
            ink = randomColour(random);
        }
        int half = 5 + random.nextInt(8);
        int cx = half + random.nextInt(SIDE - 2 * half);
        int cy = half + random.nextInt(SIDE - 2 * half);
        int plane = SIDE * SIDE;
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                boolean inside = covers(label, x - cx, y - cy, half);
                for (int c = 0; c < 3; c++) {
                    int background = (top[c] * (SIDE - 1 - y) + bottom[c] * y) / (SIDE - 1);
                    out[offset + c * plane + y * SIDE + x] = (byte) (inside ? ink[c] : background);
                }
            }
        }
        return label;
    }

    /**
     * Tells whether a point lies on a shape.
     *
     * @param shape the shape's class: 0 square, 1 disc, 2 triangle, 3 cross
     * @param dx the point's column relative to the shape's centre
     * @param dy the point's row relative to the centre
     * @param half the shape's half size
     * @return true when the shape covers the point
     */
    public static boolean covers(int shape, int dx, int dy, int half) {
        return switch (shape) {
            case 0 -> Math.abs(dx) <= half && Math.abs(dy) <= half;
            case 1 -> dx * dx + dy * dy <= half * half;
            case 2 -> dy >= -half && dy <= half && 2 * Math.abs(dx) <= dy + half;
            default ->
                    (Math.abs(dx) <= half / 3 || Math.abs(dy) <= half / 3)
                            && Math.abs(dx) <= half
                            && Math.abs(dy) <= half;
        };
    }

    private static int distance(int[] a, int[] b) {
        return Math.abs(a[0] - b[0]) + Math.abs(a[1] - b[1]) + Math.abs(a[2] - b[2]);
    }

    private static int[] randomColour(SplittableRandom random) {
        return new int[] {random.nextInt(256), random.nextInt(256), random.nextInt(256)};
    }
}
