package org.djmix.corruptions;

import java.util.List;
import org.djmix.image.ByteImage;

/**
 * A corrupted copy of a labelled image set held in memory, made on the fly with the same per-image
 * seeds as a {@link CorruptionJob} writes to disk: evaluating on it equals evaluating on the files
 * that job would write.
 */
public final class CorruptedImages implements LabelledImages {

    private final LabelledImages clean;
    private final ByteImage[] images;

    private CorruptedImages(LabelledImages clean, ByteImage[] images) {
        this.clean = clean;
        this.images = images;
    }

    /**
     * Corrupts every image at one severity.
     *
     * @param clean the images
     * @param corruption the corruption
     * @param severity 1..5
     * @param profile the parameters
     * @param seed the job seed
     * @param threads worker threads
     * @return the corrupted images, same labels and paths
     * @throws java.io.IOException if an image cannot be read
     */
    public static CorruptedImages of(
            LabelledImages clean,
            Corruption corruption,
            int severity,
            CorruptionProfile profile,
            long seed,
            int threads)
            throws java.io.IOException {
        ByteImage[] images = new ByteImage[clean.size()];
        CorruptionJob.builder()
                .optCorruptions(List.of(corruption))
                .optSeverities(List.of(severity))
                .optProfile(profile)
                .optSeed(seed)
                .optThreads(threads)
                .build()
                .run(
                        clean,
                        new CorruptionJob.Output() {
                            @Override
                            public boolean isComplete(Corruption c, int s) {
                                return false;
                            }

                            @Override
                            public void accept(Corruption c, int s, int index, ByteImage image) {
                                images[index] = image;
                            }

                            @Override
                            public void blockDone(Corruption c, int s) {
                                // all in memory
                            }
                        });
        return new CorruptedImages(clean, images);
    }

    @Override
    public int size() {
        return images.length;
    }

    @Override
    public ByteImage image(int index) {
        return images[index];
    }

    @Override
    public int label(int index) {
        return clean.label(index);
    }

    @Override
    public String relativePath(int index) {
        return clean.relativePath(index);
    }
}
