package org.djmix.tasks.segmentation;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.djmix.corruptions.LabelledImages;
import org.djmix.image.ByteImage;

/**
 * Images and their label masks, read one at a time (a VOC split of thousands of JPEGs is never held
 * in memory): image \(i\) is 3×H×W, its mask 1×H×W of class indices below {@link #numClasses()} or
 * {@value SegmentationLoss#IGNORE}.
 */
public interface SegmentationSource {

    /**
     * Returns the number of images.
     *
     * @return the size
     */
    int size();

    /**
     * Returns the number of classes, background included.
     *
     * @return K
     */
    int numClasses();

    /**
     * Reads one image.
     *
     * @param index the image
     * @return 3 channels
     * @throws IOException naming the file if it cannot be read
     */
    ByteImage image(int index) throws IOException;

    /**
     * Reads one mask.
     *
     * @param index the image
     * @return 1 channel, the image's size
     * @throws IOException naming the file if it cannot be read or does not fit its image
     */
    ByteImage mask(int index) throws IOException;

    /**
     * Names one image, for messages and predictions.
     *
     * @param index the image
     * @return e.g. the VOC image id
     */
    String name(int index);

    /**
     * Returns the first images only.
     *
     * @param count how many, at least 1
     * @return a view of {@code min(count, size())} images
     */
    default SegmentationSource limit(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("a limit must be at least 1, got " + count);
        }
        SegmentationSource source = this;
        int size = Math.min(count, source.size());
        return new SegmentationSource() {
            @Override
            public int size() {
                return size;
            }

            @Override
            public int numClasses() {
                return source.numClasses();
            }

            @Override
            public ByteImage image(int index) throws IOException {
                return source.image(index);
            }

            @Override
            public ByteImage mask(int index) throws IOException {
                return source.mask(index);
            }

            @Override
            public String name(int index) {
                return source.name(index);
            }
        };
    }

    /**
     * Views the images (without masks) as a corruption job's input: each image's relative path is
     * its name with {@code .png}, so {@code djmix corrupt} writes {@code
     * OUT/<corruption>/<severity>/<name>.png} (or {@code .jpg}) and an evaluation finds it there.
     *
     * @return the images, read on demand, labels 0
     */
    default LabelledImages asLabelledImages() {
        SegmentationSource source = this;
        return new LabelledImages() {
            @Override
            public int size() {
                return source.size();
            }

            @Override
            public ByteImage image(int index) {
                try {
                    return source.image(index);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public int label(int index) {
                return 0;
            }

            @Override
            public String relativePath(int index) {
                return source.name(index) + ".png";
            }
        };
    }
}
