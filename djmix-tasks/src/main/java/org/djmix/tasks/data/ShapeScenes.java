package org.djmix.tasks.data;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.djmix.image.ByteImage;

/**
 * The scenes of our synthetic segmentation and detection sets: filled shapes ({@link
 * Shapes#CLASSES}) of random size, position and colour on a striped colour gradient, later shapes
 * over earlier ones. A scene depends only on its seed and index, so a set needs no files.
 */
public final class ShapeScenes {

    private ShapeScenes() {}

    /**
     * One drawn shape: every shape fills exactly the square [cx − half, cx + half] × [cy − half, cy
     * + half] at its extremes.
     *
     * @param kind 0..3, an index of {@link Shapes#CLASSES}
     * @param cx the centre's column
     * @param cy the centre's row
     * @param half the half size
     */
    public record Placed(int kind, int cx, int cy, int half) {

        /**
         * Returns the box around the shape in continuous pixel coordinates.
         *
         * @return x1, y1, x2, y2 (x2 and y2 one past the last covered pixel)
         */
        public float[] box() {
            return new float[] {cx - half, cy - half, cx + half + 1, cy + half + 1};
        }
    }

    /**
     * A drawn scene.
     *
     * @param image 3×S×S
     * @param classes each pixel's class, 0 for the background, 1 + kind on a shape (row-major)
     * @param shapes the shapes in drawing order
     */
    public record Scene(ByteImage image, int[] classes, List<Placed> shapes) {}

    /**
     * Draws one scene.
     *
     * @param seed the set's seed
     * @param index the image's index
     * @param side S
     * @param maxShapes one to this many shapes
     * @param maxOverlap a shape whose box overlaps an earlier one's by a larger IoU is placed again
     *     (1 for no limit; with a limit, crowded scenes may hold fewer shapes)
     * @return the scene
     */
    public static Scene draw(long seed, int index, int side, int maxShapes, double maxOverlap) {
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
        List<Placed> placed = new ArrayList<>();
        int shapes = 1 + random.nextInt(maxShapes);
        for (int s = 0; s < shapes; s++) {
            int kind = random.nextInt(Shapes.CLASSES.length);
            int[] ink = colour(random);
            Placed shape = place(random, kind, side);
            for (int attempt = 0; attempt < 20 && overlaps(shape, placed, maxOverlap); attempt++) {
                shape = place(random, kind, side);
            }
            if (overlaps(shape, placed, maxOverlap)) {
                continue;
            }
            placed.add(shape);
            for (int y = 0; y < side; y++) {
                for (int x = 0; x < side; x++) {
                    if (Shapes.covers(kind, x - shape.cx, y - shape.cy, shape.half)) {
                        classes[y * side + x] = 1 + kind;
                        for (int c = 0; c < 3; c++) {
                            pixels[c * plane + y * side + x] = (byte) ink[c];
                        }
                    }
                }
            }
        }
        return new Scene(image, classes, List.copyOf(placed));
    }

    private static Placed place(SplittableRandom random, int kind, int side) {
        int half = side / 10 + random.nextInt(side / 5);
        int cx = half + random.nextInt(side - 2 * half);
        int cy = half + random.nextInt(side - 2 * half);
        return new Placed(kind, cx, cy, half);
    }

    private static boolean overlaps(Placed shape, List<Placed> placed, double maxOverlap) {
        if (maxOverlap >= 1) {
            return false;
        }
        float[] a = shape.box();
        for (Placed other : placed) {
            float[] b = other.box();
            float w = Math.min(a[2], b[2]) - Math.max(a[0], b[0]);
            float h = Math.min(a[3], b[3]) - Math.max(a[1], b[1]);
            if (w > 0 && h > 0) {
                float inter = w * h;
                float union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter;
                if (inter / union > maxOverlap) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int[] colour(SplittableRandom random) {
        return new int[] {random.nextInt(256), random.nextInt(256), random.nextInt(256)};
    }
}
