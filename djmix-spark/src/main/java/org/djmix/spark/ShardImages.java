package org.djmix.spark;

import org.djmix.corruptions.Corruption;
import org.djmix.corruptions.CorruptionJob;
import org.djmix.corruptions.LabelledImages;
import org.djmix.image.ByteImage;

/**
 * Images {@code from..to-1} of a set, indexed from 0, optionally corrupted on the fly as they are
 * read, with the seed of their index in the whole set (so a shard's images are those of {@code
 * djmix corrupt}).
 */
final class ShardImages implements LabelledImages {

    private final LabelledImages images;
    private final int from;
    private final int to;
    private final CorruptionJob job;
    private final Corruption corruption;
    private final int severity;

    private ShardImages(
            LabelledImages images,
            int from,
            int to,
            CorruptionJob job,
            Corruption corruption,
            int severity) {
        this.images = images;
        this.from = from;
        this.to = to;
        this.job = job;
        this.corruption = corruption;
        this.severity = severity;
    }

    /**
     * A shard of a set as it is.
     *
     * @param images the set
     * @param from the first index
     * @param to one past the last index
     * @return the shard
     */
    static ShardImages of(LabelledImages images, int from, int to) {
        return new ShardImages(images, from, to, null, null, 0);
    }

    /**
     * A shard of a clean set, each image corrupted when read.
     *
     * @param clean the clean set
     * @param from the first index
     * @param to one past the last index
     * @param job the corruption job (profile and seed)
     * @param corruption the corruption
     * @param severity its severity
     * @return the shard
     */
    static ShardImages corrupted(
            LabelledImages clean,
            int from,
            int to,
            CorruptionJob job,
            Corruption corruption,
            int severity) {
        return new ShardImages(clean, from, to, job, corruption, severity);
    }

    @Override
    public int size() {
        return to - from;
    }

    @Override
    public ByteImage image(int index) {
        ByteImage image = images.image(from + index);
        return job == null ? image : job.corrupt(image, corruption, severity, from + index);
    }

    @Override
    public int label(int index) {
        return images.label(from + index);
    }

    @Override
    public String relativePath(int index) {
        return images.relativePath(from + index);
    }
}
