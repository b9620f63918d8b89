package org.djmix.tasks.detection;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Draws the predictions a detection loss looks at, as torchvision's {@code
 * BalancedPositiveNegativeSampler}: up to {@code fraction · batch} positives (label ≥ 1) at random,
 * and negatives (label 0) at random to fill the batch; ignored predictions (label −1) never.
 *
 * @param batchPerImage predictions per image (RPN 256, box head 512)
 * @param positiveFraction the positives' share at most (RPN 0.5, box head 0.25)
 */
public record BalancedSampler(int batchPerImage, float positiveFraction) {

    /**
     * The drawn predictions.
     *
     * @param positives indices of the drawn positives
     * @param negatives indices of the drawn negatives
     */
    public record Sample(int[] positives, int[] negatives) {}

    /**
     * Draws one image's sample.
     *
     * @param labels per prediction: ≥ 1 object, 0 background, −1 ignored
     * @param random the draws
     * @return the drawn indices, each list in increasing order
     */
    public Sample sample(int[] labels, RandomGenerator random) {
        List<Integer> positive = new ArrayList<>();
        List<Integer> negative = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] >= 1) {
                positive.add(i);
            } else if (labels[i] == 0) {
                negative.add(i);
            }
        }
        int positives = Math.min((int) (batchPerImage * positiveFraction), positive.size());
        int negatives = Math.min(batchPerImage - positives, negative.size());
        return new Sample(draw(positive, positives, random), draw(negative, negatives, random));
    }

    private static int[] draw(List<Integer> from, int count, RandomGenerator random) {
        List<Integer> shuffled = new ArrayList<>(from);
        for (int i = 0; i < count; i++) {
            Collections.swap(shuffled, i, i + random.nextInt(shuffled.size() - i));
        }
        return shuffled.subList(0, count).stream().mapToInt(Integer::intValue).sorted().toArray();
    }
}
