package org.djmix.tasks.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.djmix.corruptions.LabelledImages;
import org.djmix.image.ByteImage;

/**
 * Named images read one at a time, the part segmentation and detection sources share: a VOC split
 * of thousands of JPEGs is never held in memory.
 */
public interface NamedImageSource {

    /**
     * Returns the number of images.
     *
     * @return the size
     */
    int size();

    /**
     * Reads one image.
     *
     * @param index the image
     * @return 3 channels
     * @throws IOException naming the file if it cannot be read
     */
    ByteImage image(int index) throws IOException;

    /**
     * Names one image, for messages and predictions.
     *
     * @param index the image
     * @return e.g. the VOC image id
     */
    String name(int index);

    /**
     * Views the images as a corruption job's input: each image's relative path is its name with
     * {@code .png}, so {@code djmix corrupt} writes {@code OUT/<corruption>/<severity>/<name>.png}
     * (or {@code .jpg}) and an evaluation finds it there.
     *
     * @return the images, read on demand, labels 0
     */
    default LabelledImages asLabelledImages() {
        NamedImageSource source = this;
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
