package org.djmix.tasks.detection;

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
 * A {@link DetectionSource} as a DJL dataset for {@link FasterRcnn}. A record's data is the image
 * as float32 in [0, 1], (3, h, w), after the {@link DetectionTransform} (resize, and in training a
 * flip drawn from (seed, epoch, image)), and its size (h, w); its labels are the boxes (M, 4) in
 * the transformed image's pixels, the classes (M) and VOC's difficult flags (M) as 0/1. Training
 * sets leave difficult objects out (as the VOC references do); evaluation sets keep them, flagged,
 * for {@link VocAveragePrecision}. Batches are padded by {@link PaddingBatchifier}.
 */
public final class DetectionDataset extends RandomAccessDataset implements EpochAware {

    private final DetectionSource source;
    private final DetectionTransform transform;
    private final boolean training;
    private final RandomStreams streams;
    private volatile int epoch;

    private DetectionDataset(Builder builder) {
        super(builder);
        source = builder.source;
        transform = builder.transform;
        training = builder.training;
        streams = new RandomStreams(builder.seed).derive("detection-transform");
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
     * Returns the images and boxes.
     *
     * @return the source
     */
    public DetectionSource getSource() {
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
        DetectionSource.Annotation annotation = source.annotation(i);
        DetectionTransform.Result result =
                transform.apply(
                        image, annotation.boxes(), streams.derive("epoch " + epoch).generator(i));
        ByteImage out = result.image();
        int kept = 0;
        for (boolean difficult : annotation.difficult()) {
            kept += training && difficult ? 0 : 1;
        }
        float[] boxes = new float[4 * kept];
        float[] classes = new float[kept];
        float[] difficult = new float[kept];
        int k = 0;
        for (int j = 0; j < annotation.size(); j++) {
            if (training && annotation.difficult()[j]) {
                continue;
            }
            System.arraycopy(result.boxes(), 4 * j, boxes, 4 * k, 4);
            classes[k] = annotation.labels()[j];
            difficult[k] = annotation.difficult()[j] ? 1 : 0;
            k++;
        }
        NDArray data =
                manager.create(
                        out.toUnitFloats(), new Shape(out.channels(), out.height(), out.width()));
        NDArray size = manager.create(new float[] {out.height(), out.width()});
        return new Record(
                new NDList(data, size),
                new NDList(
                        manager.create(boxes, new Shape(kept, 4)),
                        manager.create(classes),
                        manager.create(difficult)));
    }

    @Override
    protected long availableSize() {
        return source.size();
    }

    @Override
    public void prepare(Progress progress) {
        // read on demand
    }

    /** Builds a {@link DetectionDataset}. */
    public static final class Builder extends BaseBuilder<Builder> {

        private DetectionSource source;
        private DetectionTransform transform;
        private boolean training;
        private long seed;

        Builder() {
            optDataBatchifier(PaddingBatchifier.images());
            optLabelBatchifier(PaddingBatchifier.targets());
        }

        @Override
        protected Builder self() {
            return this;
        }

        /**
         * Sets the images and boxes.
         *
         * @param source the source
         * @return this builder
         */
        public Builder setSource(DetectionSource source) {
            this.source = source;
            return this;
        }

        /**
         * Sets the resize and flip.
         *
         * @param transform the geometry
         * @return this builder
         */
        public Builder setTransform(DetectionTransform transform) {
            this.transform = transform;
            return this;
        }

        /**
         * Makes a training set: difficult objects left out, flips seeded by (seed, epoch, image).
         *
         * @param seed the flips' seed
         * @return this builder
         */
        public Builder optTraining(long seed) {
            this.training = true;
            this.seed = seed;
            return this;
        }

        /**
         * Builds the dataset.
         *
         * @return the dataset
         */
        public DetectionDataset build() {
            if (source == null || transform == null) {
                throw new IllegalArgumentException("a source and a transform must be set");
            }
            return new DetectionDataset(this);
        }
    }
}
