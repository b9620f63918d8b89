package org.djmix.tasks.segmentation;

import java.io.IOException;
import org.djmix.image.ByteImage;
import org.djmix.tasks.data.NamedImageSource;

/**
 * Images and their label masks, read one at a time (a VOC split of thousands of JPEGs is never held
 * in memory): image \(i\) is 3×H×W, its mask 1×H×W of class indices below {@link #numClasses()} or
 * {@value SegmentationLoss#IGNORE}.
 */
public interface SegmentationSource extends NamedImageSource {

    /**
     * Returns the number of classes, background included.
     *
     * @return K
     */
    int numClasses();

    /**
     * Reads one mask.
     *
     * @param index the image
     * @return 1 channel, the image's size
     * @throws IOException naming the file if it cannot be read or does not fit its image
     */
    ByteImage mask(int index) throws IOException;

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
     * Views images without masks as a segmentation source whose every pixel is ignored ({@value
     * SegmentationLoss#IGNORE}), so the joint crops and flips serve them too (g's training on a
     * detection set's images).
     *
     * @param images the images
     * @param numClasses K, for consumers that ask
     * @return the source
     */
    static SegmentationSource unlabelled(NamedImageSource images, int numClasses) {
        return new SegmentationSource() {
            @Override
            public int size() {
                return images.size();
            }

            @Override
            public int numClasses() {
                return numClasses;
            }

            @Override
            public ByteImage image(int index) throws IOException {
                return images.image(index);
            }

            @Override
            public ByteImage mask(int index) throws IOException {
                ByteImage image = images.image(index);
                byte[] ignored = new byte[image.height() * image.width()];
                java.util.Arrays.fill(ignored, (byte) SegmentationLoss.IGNORE);
                return ByteImage.wrap(1, image.height(), image.width(), ignored);
            }

            @Override
            public String name(int index) {
                return images.name(index);
            }
        };
    }
}
