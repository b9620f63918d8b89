package org.djmix.tasks.detection;

import java.io.IOException;
import java.util.List;
import org.djmix.image.ByteImage;
import org.djmix.tasks.data.NamedImageSource;

/**
 * Images and their object boxes, read one at a time. Boxes are continuous pixel coordinates (x1,
 * y1, x2, y2) with 0 ≤ x1 &lt; x2 ≤ W; labels are object classes 0..K−1 (the detector adds the
 * background class itself).
 */
public interface DetectionSource extends NamedImageSource {

    /**
     * One image's objects.
     *
     * @param boxes 4 coordinates per object
     * @param labels each object's class, 0..K−1
     * @param difficult VOC's flag per object: left out of training and of recall
     */
    record Annotation(float[] boxes, int[] labels, boolean[] difficult) {

        /**
         * Checks the lengths.
         *
         * @param boxes 4 per object
         * @param labels 1 per object
         * @param difficult 1 per object
         */
        public Annotation {
            if (boxes.length != 4 * labels.length || difficult.length != labels.length) {
                throw new IllegalArgumentException(
                        boxes.length
                                + " coordinates, "
                                + labels.length
                                + " labels and "
                                + difficult.length
                                + " difficult flags; expected 4, 1 and 1 per object");
            }
        }

        /**
         * Returns the number of objects.
         *
         * @return the count
         */
        public int size() {
            return labels.length;
        }
    }

    /**
     * Returns the object classes' names.
     *
     * @return K names, by label
     */
    List<String> classNames();

    /**
     * Reads one image's objects.
     *
     * @param index the image
     * @return the boxes, labels and flags
     * @throws IOException naming the file if it cannot be read or is invalid
     */
    Annotation annotation(int index) throws IOException;

    /**
     * Returns the first images only.
     *
     * @param count how many, at least 1
     * @return a view of {@code min(count, size())} images
     */
    default DetectionSource limit(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("a limit must be at least 1, got " + count);
        }
        DetectionSource source = this;
        int size = Math.min(count, source.size());
        return new DetectionSource() {
            @Override
            public int size() {
                return size;
            }

            @Override
            public List<String> classNames() {
                return source.classNames();
            }

            @Override
            public ByteImage image(int index) throws IOException {
                return source.image(index);
            }

            @Override
            public Annotation annotation(int index) throws IOException {
                return source.annotation(index);
            }

            @Override
            public String name(int index) {
                return source.name(index);
            }
        };
    }
}
