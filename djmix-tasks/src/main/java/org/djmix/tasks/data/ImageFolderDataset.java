package org.djmix.tasks.data;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.dataset.Record;
import ai.djl.util.Progress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import org.apache.commons.math3.random.RandomGenerator;
import org.djmix.core.RandomStreams;
import org.djmix.core.training.EpochAware;
import org.djmix.corruptions.LabelledImages;
import org.djmix.image.BufferedImages;
import org.djmix.image.ByteImage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A labelled image folder streamed from disk (ImageNet scale): only the {@link ImageList}'s names
 * are held in memory; each record decodes its file ({@link BufferedImages#read}: JPEG, PNG, grey,
 * CMYK, alpha dropped) and applies an {@link ImageNetAugmentation}, drawn from a generator seeded
 * by (seed, epoch, image) so that an epoch is the same whatever thread or order reads it. A record
 * is the image as float32 in [0, 1] (\(v/255\)), shape (3, size, size), and its class as a float32
 * scalar.
 *
 * <p>Decoding runs on the threads of DJL's loader: with an executor (a {@link DecodeThreads} pool,
 * given to {@code DefaultTrainingConfig.optExecutorService} or to {@code getData(manager,
 * executor)}) each batch is read on a worker while at most the builder's {@code optPrefetchNumber}
 * batches wait, and batches come back in order. A file that cannot be decoded stops training with
 * its path, or with {@link Builder#optSkipUnreadable()} is replaced by the next readable image
 * (with its label) and listed in {@link #skipped()}.
 */
public final class ImageFolderDataset extends RandomAccessDataset implements EpochAware {

    private static final Logger logger = LoggerFactory.getLogger(ImageFolderDataset.class);

    private final ImageList images;
    private final ImageNetAugmentation augmentation;
    private final RandomStreams streams;
    private final boolean skipUnreadable;
    private final Set<String> skipped = new ConcurrentSkipListSet<>();
    private final Shape imageShape;
    private volatile int epoch;

    private ImageFolderDataset(Builder builder) {
        super(builder);
        images = builder.images;
        augmentation = builder.augmentation;
        streams = new RandomStreams(builder.seed).derive("imagenet-augmentation");
        skipUnreadable = builder.skipUnreadable;
        imageShape = new Shape(3, augmentation.size(), augmentation.size());
    }

    /**
     * Returns a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void setEpoch(int epoch) {
        this.epoch = epoch;
    }

    /**
     * Returns the images' names and labels.
     *
     * @return the list
     */
    public ImageList getImages() {
        return images;
    }

    /**
     * Returns the shape of one record's image.
     *
     * @return (3, size, size)
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
        return images.classes().size();
    }

    /**
     * Returns the files skipped so far because they could not be decoded (only with {@link
     * Builder#optSkipUnreadable()}).
     *
     * @return their names relative to the folder, sorted
     */
    public List<String> skipped() {
        return List.copyOf(skipped);
    }

    /**
     * Decodes and transforms one image, without the float conversion: what {@link #get} returns, as
     * bytes.
     *
     * @param index the image
     * @return the transformed image
     * @throws IOException naming the file if it cannot be decoded
     */
    public LabelledImage transformed(int index) throws IOException {
        LabelledImage decoded = decode(index);
        RandomGenerator random =
                augmentation.isTraining()
                        ? streams.derive("epoch " + epoch).generator(index)
                        : null;
        return new LabelledImage(augmentation.apply(decoded.image(), random), decoded.label());
    }

    /**
     * Returns a view of the transformed images for a corruption job or an evaluation (decoded on
     * demand; a limit set on the dataset applies): the relative paths are the files' names, so
     * {@code djmix corrupt} writes the ImageNet-C layout {@code <corruption>/<severity>/<class
     * folder>/<file>}.
     *
     * @return the images with their labels
     */
    public LabelledImages asLabelledImages() {
        return new LabelledImages() {
            @Override
            public int size() {
                return Math.toIntExact(ImageFolderDataset.this.size());
            }

            @Override
            public ByteImage image(int index) {
                try {
                    return transformed(index).image();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public int label(int index) {
                return images.labels()[index];
            }

            @Override
            public String relativePath(int index) {
                return images.names()[index];
            }
        };
    }

    @Override
    public Record get(NDManager manager, long index) throws IOException {
        LabelledImage record = transformed(Math.toIntExact(index));
        byte[] bytes = record.image().array();
        float[] data = new float[bytes.length];
        for (int j = 0; j < bytes.length; j++) {
            data[j] = (bytes[j] & 0xFF) / 255f;
        }
        return new Record(
                new NDList(manager.create(data, imageShape)),
                new NDList(manager.create((float) record.label())));
    }

    /** An image with its class. */
    public record LabelledImage(ByteImage image, int label) {}

    /**
     * Reads image {@code index}; with skipping on, the first readable one from there on (files
     * known to be unreadable are not read again).
     */
    private LabelledImage decode(int index) throws IOException {
        int n = images.size();
        IOException first = null;
        for (int k = 0; k < n; k++) {
            int candidate = (index + k) % n;
            String name = images.names()[candidate];
            if (skipUnreadable && skipped.contains(name)) {
                continue;
            }
            try {
                return new LabelledImage(
                        BufferedImages.read(images.file(candidate)), images.labels()[candidate]);
            } catch (IOException e) {
                if (!skipUnreadable) {
                    throw e;
                }
                first = first == null ? e : first;
                if (skipped.add(name)) {
                    logger.warn("skipping {}", e.getMessage());
                }
            }
        }
        throw new IOException("no image in " + images.root() + " can be decoded", first);
    }

    @Override
    protected long availableSize() {
        return images.size();
    }

    @Override
    public void prepare(Progress progress) {
        // files are read on demand
    }

    /** Builds an {@link ImageFolderDataset}. */
    public static final class Builder extends BaseBuilder<Builder> {

        private ImageList images;
        private ImageNetAugmentation augmentation;
        private long seed;
        private boolean skipUnreadable;

        Builder() {}

        @Override
        protected Builder self() {
            return this;
        }

        /**
         * Sets the images.
         *
         * @param images the split's names and labels
         * @return this builder
         */
        public Builder setImages(ImageList images) {
            this.images = images;
            return this;
        }

        /**
         * Sets the transform: {@link ImageNetAugmentation#training} (random) or {@link
         * ImageNetAugmentation#evaluation}.
         *
         * @param augmentation the transform
         * @return this builder
         */
        public Builder setAugmentation(ImageNetAugmentation augmentation) {
            this.augmentation = augmentation;
            return this;
        }

        /**
         * Sets the seed of the training transform's draws (default 0).
         *
         * @param seed the seed
         * @return this builder
         */
        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Replaces files that cannot be decoded by the next readable image and lists them, instead
         * of failing.
         *
         * @return this builder
         */
        public Builder optSkipUnreadable() {
            this.skipUnreadable = true;
            return this;
        }

        /**
         * Builds the dataset.
         *
         * @return the dataset
         */
        public ImageFolderDataset build() {
            if (images == null || augmentation == null) {
                throw new IllegalArgumentException(
                        "images and augmentation must be set (setImages, setAugmentation)");
            }
            return new ImageFolderDataset(this);
        }
    }
}
