package org.djmix.examples.cli;

import org.djmix.tasks.classification.ClassificationRecipe;
import picocli.CommandLine.Option;

/**
 * The classification recipe beyond SGD's settings: {@code --schedule}, {@code --warmup-epochs},
 * {@code --label-smoothing}, {@code --no-decay-on-norms}. Without them: the paper's CIFAR recipe
 * (SGDR), or for ImageNet-style data its ImageNet one (step decay at 30/60/90 % of the epochs).
 */
final class RecipeOptions {

    @Option(
            names = "--schedule",
            paramLabel = "NAME",
            description =
                    "classification: cosine-restarts (the paper's CIFAR SGDR), cosine or step"
                            + " (÷10 at 30/60/90 % of the epochs, the paper's ImageNet recipe);"
                            + " default cosine-restarts, for imagenet: data step")
    private String schedule;

    @Option(
            names = "--warmup-epochs",
            defaultValue = "0",
            description = "classification: linear warm-up from lr/100 (default ${DEFAULT-VALUE})")
    private int warmupEpochs;

    @Option(
            names = "--label-smoothing",
            defaultValue = "0",
            description = "classification: label smoothing epsilon (default ${DEFAULT-VALUE})")
    private float labelSmoothing;

    @Option(
            names = "--no-decay-on-norms",
            description =
                    "classification: no weight decay on BatchNorm scales and shifts and on biases")
    private boolean noDecayOnNorms;

    /** The recipe; {@code imageNet} picks step decay when no schedule is given. */
    ClassificationRecipe recipe(boolean imageNet) {
        String chosen = schedule != null ? schedule : imageNet ? "step" : "cosine-restarts";
        return new ClassificationRecipe(chosen, warmupEpochs, labelSmoothing, !noDecayOnNorms);
    }
}
