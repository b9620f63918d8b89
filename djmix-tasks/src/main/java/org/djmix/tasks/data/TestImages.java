package org.djmix.tasks.data;

import ai.djl.ndarray.types.Shape;
import org.djmix.corruptions.LabelledImages;

/**
 * A dataset's test split as an evaluation and a corruption job read it: the images (in memory, or
 * streamed and resized, centre-cropped at {@code imagenet:DIR@SIZE}), their shape and class count.
 *
 * @param images the test images with labels and relative paths
 * @param imageShape (C, H, W)
 * @param numClasses the number of classes
 */
public record TestImages(LabelledImages images, Shape imageShape, int numClasses) {

    /**
     * Reads a spec's test split.
     *
     * @param spec the data
     * @param limit the most images to keep, or null for all
     * @return the test images
     * @throws java.io.IOException naming the file or folder and the problem
     */
    public static TestImages of(DataSpec spec, Integer limit) throws java.io.IOException {
        if (spec.isStreamed()) {
            ImageFolderDataset.Builder builder = spec.stream(false).setSampling(1, false);
            if (limit != null) {
                builder.optLimit(limit);
            }
            ImageFolderDataset test = builder.build();
            return new TestImages(
                    test.asLabelledImages(), test.getImageShape(), test.getNumClasses());
        }
        ImageDataset test = spec.read(false, limit).setSampling(1, false).build();
        return new TestImages(test.asLabelledImages(), test.getImageShape(), test.getNumClasses());
    }
}
