package org.djmix.tasks.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.dataset.Record;
import ai.djl.util.Progress;
import java.util.Arrays;
import org.apache.commons.math3.random.RandomGenerator;
import org.djmix.core.RandomStreams;
import org.djmix.core.training.EpochAware;
import org.djmix.corruptions.LabelledImages;
import org.djmix.image.ByteImage;

/**
 * Labelled 8-bit images held in memory as bytes (planar, N×C×H×W): 60 000 32×32×3 images take 184
 * MB instead of 737 MB as floats. A record is the image as float32 in [0, 1] (\(v/255\)), shape (C,
 * H, W), and its class as a float32 scalar (what DJL's softmax cross-entropy reads).
 */
public final class ImageDataset extends RandomAccessDataset implements EpochAware {

    private final byte[] pixels;
    private final int[] labels;
    private final Shape imageShape;
    private final int imageSize;
    private final int numClasses;
    private final BaseAugmentation augmentation;
    private final RandomStreams streams;
    private volatile int epoch;

    private ImageDataset(Builder builder) {
        super(builder);
        imageShape = builder.imageShape;
        imageSize = (int) imageShape.size();
        // keep only the images a limit lets through, so the full split can be collected
        int kept = (int) Math.min(limit, builder.labels.length);
        pixels =
                kept == builder.labels.length
                        ? builder.pixels
                        : Arrays.copyOf(builder.pixels, kept * imageSize);
        labels =
                kept == builder.labels.length
                        ? builder.labels
                        : Arrays.copyOf(builder.labels, kept);
        numClasses = builder.numClasses;
        augmentation = builder.augmentation;
        streams = new RandomStreams(builder.augmentationSeed).derive("base-augmentation");
    }

    /**
     * Sets the epoch whose augmentation {@link #get} draws: image i of epoch e is augmented with a
     * generator seeded by (seed, e, i), whatever thread or order reads it.
     *
     * @param epoch the epoch, from 1
     */
    @Override
    public void setEpoch(int epoch) {
        this.epoch = epoch;
    }

    /**
     * Returns a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the shape of one image.
     *
     * @return (C, H, W)
     */
    public Shape getImageShape() {
        return imageShape;
    }

    /**
     * Returns the number of classes.
     *
     * @return the class count
     */
    public int getNumClasses() {
        return numClasses;
    }

    /**
     * Returns one image's bytes.
     *
     * @param index the image
     * @return C·H·W samples in [0, 255], planar
     */
    public byte[] imageBytes(int index) {
        byte[] out = new byte[imageSize];
        System.arraycopy(pixels, index * imageSize, out, 0, imageSize);
        return out;
    }

    /** One image as an 8-bit image (a copy of its bytes). */
    private ByteImage image(int index) {
        return ByteImage.wrap(
                (int) imageShape.get(0),
                (int) imageShape.get(1),
                (int) imageShape.get(2),
                imageBytes(index));
    }

    /**
     * Returns one label.
     *
     * @param index the image
     * @return its class
     */
    public int label(int index) {
        return labels[index];
    }

    /**
     * Returns a view of the images for a corruption job or an evaluation (the same bytes, no copy;
     * a limit set on the dataset applies).
     *
     * @return the images with their labels
     */
    public LabelledImages asLabelledImages() {
        return new LabelledImages() {
            @Override
            public int size() {
                return Math.toIntExact(ImageDataset.this.size());
            }

            @Override
            public ByteImage image(int index) {
                return ImageDataset.this.image(index);
            }

            @Override
            public int label(int index) {
                return labels[index];
            }
        };
    }

    @Override
    public Record get(NDManager manager, long index) {
        int i = Math.toIntExact(index);
        byte[] bytes = pixels;
        int offset = i * imageSize;
        if (augmentation != null) {
            RandomGenerator random = streams.derive("epoch " + epoch).generator(i);
            bytes = augmentation.apply(image(i), random).array();
            offset = 0;
        }
        float[] image = new float[imageSize];
        for (int j = 0; j < imageSize; j++) {
            image[j] = (bytes[offset + j] & 0xFF) / 255f;
        }
        NDArray data = manager.create(image, imageShape);
        NDArray label = manager.create((float) labels[i]);
        return new Record(new NDList(data), new NDList(label));
    }

    @Override
    protected long availableSize() {
        return labels.length;
    }

    @Override
    public void prepare(Progress progress) {
        // held in memory from the start
    }

    /** Builds an {@link ImageDataset} from bytes already read. */
    public static final class Builder extends BaseBuilder<Builder> {

        private byte[] pixels;
        private int[] labels;
        private Shape imageShape;
        private int numClasses;
        private BaseAugmentation augmentation;
        private long augmentationSeed;

        Builder() {}

        /**
         * Augments every image read through {@link ImageDataset#get} (training sets).
         *
         * @param augmentation the augmentation
         * @param seed its seed
         * @return this builder
         */
        public Builder optAugmentation(BaseAugmentation augmentation, long seed) {
            this.augmentation = augmentation;
            this.augmentationSeed = seed;
            return this;
        }

        @Override
        protected Builder self() {
            return this;
        }

        /**
         * Sets the images and their labels.
         *
         * @param pixels N·C·H·W bytes, planar per image
         * @param labels N labels in [0, numClasses)
         * @param imageShape (C, H, W)
         * @param numClasses the number of classes
         * @return this builder
         */
        public Builder setImages(byte[] pixels, int[] labels, Shape imageShape, int numClasses) {
            this.pixels = pixels;
            this.labels = labels;
            this.imageShape = imageShape;
            this.numClasses = numClasses;
            return this;
        }

        /**
         * Builds the dataset.
         *
         * @return the dataset
         */
        public ImageDataset build() {
            if (pixels == null || labels == null || imageShape == null) {
                throw new IllegalArgumentException("images must be set (setImages)");
            }
            if (imageShape.dimension() != 3) {
                throw new IllegalArgumentException(
                        "imageShape must be (C, H, W), got " + imageShape);
            }
            if ((long) labels.length * imageShape.size() != pixels.length) {
                throw new IllegalArgumentException(
                        "pixels must hold labels.length x C x H x W = "
                                + (long) labels.length * imageShape.size()
                                + " bytes, got "
                                + pixels.length);
            }
            return new ImageDataset(this);
        }
    }
}
