package org.djmix.tasks.segmentation;

import org.djmix.image.ByteImage;
import org.djmix.tasks.data.ShapeScenes;
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

    /** Draws image {@code index}, or its mask: both from the same scene. */
    private ByteImage draw(int index, boolean wantMask) {
        ShapeScenes.Scene scene = ShapeScenes.draw(seed, index, side, 3, 1);
        return wantMask ? maskWithBorders(scene.classes()) : scene.image();
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
}
