package org.djmix.tasks.detection;

import java.util.Arrays;
import java.util.List;
import org.djmix.image.ByteImage;
import org.djmix.tasks.data.ShapeScenes;
import org.djmix.tasks.data.Shapes;

/**
 * {@code shapes-det}: our synthetic detection set, generated on demand so that tests and CPU demos
 * need no files. Each S×S image shows one to four filled shapes ({@link Shapes#CLASSES}: square,
 * disc, triangle, cross) of random size, position and colour on a striped gradient, placed so that
 * no two boxes overlap by more than IoU 0.3; each shape's box is its exact extent. Image {@code i}
 * depends only on the split and {@code i}.
 */
public final class ShapesDetection implements DetectionSource {

    private static final long TRAIN_SEED = 0xDE7_0001L;
    private static final long VAL_SEED = 0xDE7_0002L;
    private static final int MAX_SHAPES = 4;
    private static final double MAX_OVERLAP = 0.3;

    private final int count;
    private final int side;
    private final long seed;

    /**
     * Creates a split.
     *
     * @param train the training split, else the validation split
     * @param count the number of images
     * @param side the image side S, at least 32
     */
    public ShapesDetection(boolean train, int count, int side) {
        if (count < 1 || side < 32) {
            throw new IllegalArgumentException(
                    "shapes-det needs count >= 1 and side >= 32, got " + count + " and " + side);
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
    public List<String> classNames() {
        return Arrays.asList(Shapes.CLASSES);
    }

    @Override
    public ByteImage image(int index) {
        return scene(index).image();
    }

    @Override
    public Annotation annotation(int index) {
        List<ShapeScenes.Placed> shapes = scene(index).shapes();
        float[] boxes = new float[4 * shapes.size()];
        int[] labels = new int[shapes.size()];
        for (int i = 0; i < shapes.size(); i++) {
            System.arraycopy(shapes.get(i).box(), 0, boxes, 4 * i, 4);
            labels[i] = shapes.get(i).kind();
        }
        return new Annotation(boxes, labels, new boolean[shapes.size()]);
    }

    @Override
    public String name(int index) {
        return String.format("shapes-det-%s-%05d", seed == TRAIN_SEED ? "train" : "val", index);
    }

    private ShapeScenes.Scene scene(int index) {
        if (index < 0 || index >= count) {
            throw new IndexOutOfBoundsException(
                    "image " + index + " of shapes-det's " + count + " images");
        }
        return ShapeScenes.draw(seed, index, side, MAX_SHAPES, MAX_OVERLAP);
    }
}
