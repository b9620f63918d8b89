package org.djmix.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.djmix.corruptions.Corruption;

/**
 * One Spark task's work: images {@code from..to-1} of one block, a corruption at a severity (or the
 * clean images, when the corruption is null).
 *
 * @param corruption the corruption, or null for the clean images
 * @param severity 1..5, or 0 for the clean images
 * @param from the first image
 * @param to one past the last image
 */
record Shard(Corruption corruption, int severity, int from, int to) implements Serializable {

    /**
     * Cuts blocks into shards, corruption by corruption, severity by severity.
     *
     * @param corruptions the corruptions
     * @param severities the severities
     * @param count the images per block
     * @param imagesPerShard the most images in a shard
     * @return the shards, in block order, each block's in image order
     */
    static List<Shard> cut(
            List<Corruption> corruptions, List<Integer> severities, int count, int imagesPerShard) {
        List<Shard> shards = new ArrayList<>();
        for (Corruption corruption : corruptions) {
            for (int severity : severities) {
                shards.addAll(cut(corruption, severity, count, imagesPerShard));
            }
        }
        return shards;
    }

    /**
     * Cuts one block into shards.
     *
     * @param corruption the corruption, or null for the clean images
     * @param severity its severity, or 0
     * @param count the images in the block
     * @param imagesPerShard the most images in a shard
     * @return the shards, in image order
     */
    static List<Shard> cut(Corruption corruption, int severity, int count, int imagesPerShard) {
        List<Shard> shards = new ArrayList<>();
        for (int from = 0; from < count; from += imagesPerShard) {
            shards.add(
                    new Shard(corruption, severity, from, Math.min(count, from + imagesPerShard)));
        }
        return shards;
    }
}
