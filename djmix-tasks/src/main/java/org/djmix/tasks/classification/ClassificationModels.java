package org.djmix.tasks.classification;

import ai.djl.nn.Block;
import java.util.List;

/**
 * The classification networks by name, for command lines and configs: the paper's CIFAR networks
 * (WRN, DenseNet-BC, ResNeXt), ResNet-50 for ImageNet, {@code resnet-26-w16} (ResNet-50's design
 * with two bottlenecks per stage and a quarter of its width, for ImageNet-style data on a CPU) and
 * a small CNN for tests.
 */
public final class ClassificationModels {

    /** The names {@link #create} accepts. */
    public static final List<String> NAMES =
            List.of(
                    "wrn-28-2",
                    "wrn-16-2",
                    "wrn-40-2",
                    "densenet-bc-100-12",
                    "resnext-29-4x32d",
                    "resnet-50",
                    "resnet-26-w16",
                    "small-cnn");

    private ClassificationModels() {}

    /**
     * Builds a network.
     *
     * @param name one of {@link #NAMES}
     * @param numClasses the number of classes
     * @return the uninitialised block, NCHW images in [0, 1] to logits
     */
    public static Block create(String name, int numClasses) {
        return switch (name) {
            case "wrn-28-2" -> WideResNet.builder().setNumClasses(numClasses).build();
            case "wrn-16-2" -> WideResNet.builder().setDepth(16).setNumClasses(numClasses).build();
            case "wrn-40-2" -> WideResNet.builder().setDepth(40).setNumClasses(numClasses).build();
            case "densenet-bc-100-12" -> DenseNet.builder().setNumClasses(numClasses).build();
            case "resnext-29-4x32d" -> ResNeXt.builder().setNumClasses(numClasses).build();
            case "resnet-50" -> ResNet.builder().setNumClasses(numClasses).build();
            case "resnet-26-w16" ->
                    ResNet.builder()
                            .setNumClasses(numClasses)
                            .optStages(new int[] {2, 2, 2, 2}, 16)
                            .build();
            case "small-cnn" -> SmallCnn.build(numClasses);
            default ->
                    throw new IllegalArgumentException(
                            "unknown model '" + name + "'; expected one of " + NAMES);
        };
    }
}
