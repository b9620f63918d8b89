package org.djmix.tasks.classification;

import ai.djl.training.tracker.CosineTracker;
import ai.djl.training.tracker.MultiFactorTracker;
import ai.djl.training.tracker.Tracker;
import ai.djl.training.tracker.WarmUpTracker;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.djmix.tasks.training.CosineWarmRestarts;

/**
 * How a classifier is trained beyond SGD's settings: the learning-rate schedule, an optional linear
 * warm-up, label smoothing and whether BatchNorm's scales and shifts and the biases are decayed.
 * {@link #paper()} is the paper's CIFAR recipe (cosine annealing with warm restarts, SGDR); the
 * paper's ImageNet recipe is {@code step} (÷10 at 30 %, 60 % and 90 % of the run: epochs 30/60/90
 * of 100) with \(\eta = 0.1 \cdot \text{batch}/256\); torchvision's newer one adds {@code cosine},
 * a 5-epoch warm-up, label smoothing 0.1 and no decay on norms.
 *
 * @param schedule one of {@link #SCHEDULES}
 * @param warmupEpochs epochs of linear warm-up from \(\eta/100\) (0: none)
 * @param labelSmoothing \(\varepsilon\) of {@link LabelSmoothingLoss} (0: plain cross-entropy)
 * @param decayNorms whether weight decay applies to BatchNorm's \(\gamma, \beta\) and biases
 */
public record ClassificationRecipe(
        String schedule, int warmupEpochs, float labelSmoothing, boolean decayNorms) {

    /** The schedules: the paper's SGDR, one cosine over the run, and step decay. */
    public static final List<String> SCHEDULES = List.of("cosine-restarts", "cosine", "step");

    private static final float WARMUP_START = 0.01f;
    private static final double[] STEP_FRACTIONS = {0.3, 0.6, 0.9};

    /**
     * Checks the values.
     *
     * @param schedule one of {@link #SCHEDULES}
     * @param warmupEpochs &gt;= 0
     * @param labelSmoothing in [0, 1)
     * @param decayNorms whether norms and biases are decayed
     */
    public ClassificationRecipe {
        if (!SCHEDULES.contains(schedule)) {
            throw new IllegalArgumentException(
                    "unknown schedule '" + schedule + "'; expected one of " + SCHEDULES);
        }
        if (warmupEpochs < 0) {
            throw new IllegalArgumentException("warm-up epochs must be >= 0, got " + warmupEpochs);
        }
        if (!(labelSmoothing >= 0 && labelSmoothing < 1)) {
            throw new IllegalArgumentException(
                    "label smoothing must be in [0, 1), got " + labelSmoothing);
        }
    }

    /**
     * The paper's CIFAR recipe: SGDR, no warm-up, no smoothing, every parameter decayed.
     *
     * @return the recipe
     */
    public static ClassificationRecipe paper() {
        return new ClassificationRecipe("cosine-restarts", 0, 0f, true);
    }

    /**
     * The learning rate along the run.
     *
     * @param baseRate the peak \(\eta\)
     * @param totalSteps the run's updates
     * @param restartSteps updates per SGDR cycle (0: one cycle over the run)
     * @param stepsPerEpoch updates per epoch
     * @return the schedule
     */
    public Tracker learningRate(
            float baseRate, long totalSteps, long restartSteps, long stepsPerEpoch) {
        int warmup = (int) Math.min(totalSteps - 1, warmupEpochs * stepsPerEpoch);
        int main = (int) Math.max(1, totalSteps - warmup);
        Tracker decay =
                switch (schedule) {
                    case "cosine" ->
                            CosineTracker.builder()
                                    .setBaseValue(baseRate)
                                    .optFinalValue(0f)
                                    .setMaxUpdates(main)
                                    .build();
                    case "step" -> {
                        int[] steps = new int[STEP_FRACTIONS.length];
                        for (int i = 0; i < steps.length; i++) {
                            // DJL needs increasing milestones, even in runs of a few updates
                            int floor = i == 0 ? 1 : steps[i - 1] + 1;
                            steps[i] =
                                    Math.max(
                                            floor, (int) (totalSteps * STEP_FRACTIONS[i]) - warmup);
                        }
                        yield MultiFactorTracker.builder()
                                .setBaseValue(baseRate)
                                .setSteps(steps)
                                .optFactor(0.1f)
                                .build();
                    }
                    default ->
                            new CosineWarmRestarts(
                                    baseRate,
                                    0f,
                                    Math.max(1, restartSteps > 0 ? restartSteps : main),
                                    1);
                };
        if (warmup == 0) {
            return decay;
        }
        return WarmUpTracker.builder()
                .setMainTracker(decay)
                .optWarmUpSteps(warmup)
                .optWarmUpBeginValue(baseRate * WARMUP_START)
                .build();
    }

    /**
     * The recipe as run-config task options; none for {@link #paper()}, so that runs made before
     * recipes existed resume unchanged.
     *
     * @return its settings by name
     */
    public Map<String, String> options() {
        if (equals(paper())) {
            return Map.of();
        }
        Map<String, String> options = new LinkedHashMap<>();
        options.put("schedule", schedule);
        options.put("warmupEpochs", Integer.toString(warmupEpochs));
        options.put("labelSmoothing", Float.toString(labelSmoothing));
        options.put("decayNorms", Boolean.toString(decayNorms));
        return options;
    }

    /**
     * Reads the recipe back from run-config task options; runs written before recipes existed (no
     * options) get {@link #paper()}.
     *
     * @param options the task options
     * @return the recipe
     */
    public static ClassificationRecipe fromOptions(Map<String, String> options) {
        if (options == null || !options.containsKey("schedule")) {
            return paper();
        }
        return new ClassificationRecipe(
                options.get("schedule"),
                Integer.parseInt(options.getOrDefault("warmupEpochs", "0")),
                Float.parseFloat(options.getOrDefault("labelSmoothing", "0")),
                Boolean.parseBoolean(options.getOrDefault("decayNorms", "true")));
    }
}
