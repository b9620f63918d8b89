package org.djmix.tasks.segmentation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.dataset.Record;
import ai.djl.util.Progress;
import java.io.IOException;
import org.djmix.core.RandomStreams;
import org.djmix.core.training.EpochAware;
import org.djmix.image.ByteImage;

/**
 * A {@link SegmentationSource} as a DJL dataset. A record is the image as float32 in [0, 1] (\(v /
 * 255\)), shape (3, H, W), and its mask as float32 class indices (with {@value
 * SegmentationLoss#IGNORE}), shape (H, W). With a {@link JointTransform} (training) every record is
 * a random crop of the transform's size, drawn from a generator seeded by (seed, epoch, image), so
 * an epoch is the same whatever thread or order reads it; without one (evaluation) images keep
 * their size, so batches of images of different sizes need batch size 1.
 */
public final class SegmentationDataset extends RandomAccessDataset implements EpochAware {

    private final SegmentationSource source;
    private final JointTransform transform;
    private final RandomStreams streams;
    private volatile int epoch;

    private SegmentationDataset(Builder builder) {
        super(builder);
        source = builder.source;
        transform = builder.transform;
        streams = new RandomStreams(builder.seed).derive("segmentation-transform");
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
     * Returns the images and masks.
     *
     * @return the source
     */
    public SegmentationSource getSource() {
        return source;
    }

    @Override
    public void setEpoch(int epoch) {
        this.epoch = epoch;
    }

    @Override
    public Record get(NDManager manager, long index) throws IOException {
        int i = Math.toIntExact(index);
        ByteImage image = source.image(i);
        ByteImage mask = source.mask(i);
        if (mask.channels() != 1
                || mask.height() != image.height()
                || mask.width() != image.width()) {
            throw new IOException(
                    source.name(i)
                            + ": mask is "
                            + mask.channels()
                            + "x"
                            + mask.height()
                            + "x"
                            + mask.width()
                            + ", expected 1x"
                            + image.height()
                            + "x"
                            + image.width()
                            + " like its image");
        }
        if (transform != null) {
            JointTransform.Pair pair =
                    transform.apply(image, mask, streams.derive("epoch " + epoch).generator(i));
            image = pair.image();
            mask = pair.mask();
        }
        NDArray data =
                manager.create(
                        image.toUnitFloats(),
                        new Shape(image.channels(), image.height(), image.width()));
        int[] classes = mask.samples();
        float[] labels = new float[classes.length];
        for (int p = 0; p < classes.length; p++) {
            labels[p] = classes[p];
        }
        NDArray label = manager.create(labels, new Shape(mask.height(), mask.width()));
        return new Record(new NDList(data), new NDList(label));
    }

    @Override
    protected long availableSize() {
        return source.size();
    }

    @Override
    public void prepare(Progress progress) {
        // read on demand
    }

    /** Builds a {@link SegmentationDataset}. */
    public static final class Builder extends BaseBuilder<Builder> {

        private SegmentationSource source;
        private JointTransform transform;
        private long seed;

        Builder() {}

        @Override
        protected Builder self() {
            return this;
        }

        /**
         * Sets the images and masks.
         *
         * @param source the source
         * @return this builder
         */
        public Builder setSource(SegmentationSource source) {
            this.source = source;
            return this;
        }

        /**
         * Crops and flips every record at random (training).
         *
         * @param transform the transform
         * @param seed its seed
         * @return this builder
         */
        public Builder optTransform(JointTransform transform, long seed) {
            this.transform = transform;
            this.seed = seed;
            return this;
        }

        /**
         * Builds the dataset.
         *
         * @return the dataset
         */
        public SegmentationDataset build() {
            if (source == null) {
                throw new IllegalArgumentException("a source must be set (setSource)");
            }
            return new SegmentationDataset(this);
        }
    }
}
