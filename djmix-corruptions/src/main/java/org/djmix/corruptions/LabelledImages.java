package org.djmix.corruptions;

import org.djmix.image.ByteImage;

/** The images a corruption job reads: indexed, labelled, each with a relative path for folders. */
public interface LabelledImages {

    /**
     * Returns the number of images.
     *
     * @return N
     */
    int size();

    /**
     * Returns one image.
     *
     * @param index 0..N-1
     * @return the 8-bit image
     */
    ByteImage image(int index);

    /**
     * Returns one image's class.
     *
     * @param index 0..N-1
     * @return the label
     */
    int label(int index);

    /**
     * Returns where an image goes inside a severity folder (ImageNet-C layout).
     *
     * @param index 0..N-1
     * @return a relative path, e.g. {@code n01440764/ILSVRC2012_val_00000293.JPEG}
     */
    default String relativePath(int index) {
        return String.format("%d/%06d.png", label(index), index);
    }
}
