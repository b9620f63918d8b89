package org.djmix.tasks.segmentation;

import java.io.IOException;
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
}
