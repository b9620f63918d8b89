package org.djmix.tasks.eval;

import java.util.BitSet;
import java.util.List;
import java.util.Map;

/**
 * Which test images one model got wrong: bit \(i\) is set when image \(i\) was misclassified, on
 * the clean set and on each corruption and severity. The corrupted sets hold the same images in the
 * same order as the clean one (CIFAR-10-C's layout, on-the-fly corruption), so the outcomes of two
 * models, and of one model across corruptions, are paired by image.
 *
 * @param images the number of test images
 * @param clean the mistakes on the clean images
 * @param corrupted per corruption id, the mistakes at each evaluated severity (in order)
 */
public record ImageMistakes(int images, BitSet clean, Map<String, BitSet[]> corrupted) {

    /**
     * Counts, per image, the mistakes over the given corruptions at every severity: the per-image
     * term of the mean corrupted error, \(\bar E = \frac{1}{n\,|C|\,|S|} \sum_i k_i\).
     *
     * @param corruptions the corruption ids
     * @return \(k_i\) for each image
     * @throws IllegalArgumentException naming the corruption if it was not evaluated
     */
    public int[] countPerImage(List<String> corruptions) {
        int[] counts = new int[images];
        for (String id : corruptions) {
            BitSet[] perSeverity = corrupted.get(id);
            if (perSeverity == null) {
                throw new IllegalArgumentException(
                        "no mistakes recorded for corruption '" + id + "'");
            }
            for (BitSet wrong : perSeverity) {
                wrong.stream().forEach(i -> counts[i]++);
            }
        }
        return counts;
    }

    /**
     * Returns the clean mistakes as per-image counts (0 or 1).
     *
     * @return \(k_i\) for each image
     */
    public int[] cleanPerImage() {
        int[] counts = new int[images];
        clean.stream().forEach(i -> counts[i] = 1);
        return counts;
    }

    /**
     * Returns the number of blocks (corruption × severity) behind {@link #countPerImage}.
     *
     * @param corruptions the corruption ids
     * @return \(|C|\,|S|\)
     */
    public int blocks(List<String> corruptions) {
        int blocks = 0;
        for (String id : corruptions) {
            blocks += corrupted.get(id).length;
        }
        return blocks;
    }
}
