package org.djmix.core.method;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.djmix.augment.AugMix;
import org.djmix.augment.AugMixChain;
import org.djmix.augment.AugMixOp;
import org.djmix.augment.AugMixViews;
import org.djmix.augment.HostBatchAugmentation;
import org.djmix.core.BatchAugmentation;
import org.djmix.core.BetaMixer;
import org.djmix.core.DJMixBlock;
import org.djmix.core.DJMixViews;
import org.djmix.core.Discretizer;
import org.djmix.core.TrainingViews;
import org.djmix.core.loss.ConsistencyLoss;
import org.djmix.core.loss.DJMixLoss;
import org.djmix.core.loss.JensenShannonLoss;
import org.djmix.core.loss.KLDivergenceLoss;
import org.djmix.core.loss.L2ConsistencyLoss;
import org.djmix.core.loss.MixupLoss;

/**
 * The paper's training methods by name: the baselines ({@code baseline}, {@code mixup}, {@code
 * augmix}, {@code augmix-nogt}), DJMix ({@code djmix}, {@code djmix-ra}) and the ablations of Table
 * 5 ({@code djmix-clean-loss}, {@code djmix-kl}, {@code djmix-l2}, {@code djmix-nomix}, {@code
 * djmix-noquant}). {@code djmix-noquant} is DJMix itself; what makes it the ablation is its \(g\),
 * an autoencoder without quantiser (djmix-vqvae's {@code PlainAutoencoder}), which the caller
 * passes as the discretizer.
 */
public final class Methods {

    /** The names {@link #create} accepts, in the paper's order. */
    public static final List<String> NAMES =
            List.of(
                    "baseline",
                    "mixup",
                    "augmix",
                    "augmix-nogt",
                    "djmix",
                    "djmix-ra",
                    "djmix-clean-loss",
                    "djmix-kl",
                    "djmix-l2",
                    "djmix-nomix",
                    "djmix-noquant");

    /** The methods that need a discretizer g ({@link MethodOptions.Builder#setDiscretizer}). */
    public static final List<String> WITH_DISCRETIZER =
            NAMES.stream().filter(n -> n.startsWith("djmix")).toList();

    /** The method that needs a plain autoencoder as g (the ablation without quantiser). */
    public static final String WITHOUT_QUANTISER = "djmix-noquant";

    private static final float DJMIX_GAMMA = 1f;
    private static final float AUGMIX_GAMMA = 12f;
    private static final double MIXUP_ALPHA = 1.0;

    private Methods() {}

    /**
     * Tells whether a method needs a discretizer g.
     *
     * @param name one of {@link #NAMES}
     * @return true for DJMix and its variants
     */
    public static boolean needsDiscretizer(String name) {
        return WITH_DISCRETIZER.contains(name);
    }

    /**
     * Tells how a method draws DJMix's \(\beta\) in \(\tilde{x} = \beta x + (1-\beta) g(x)\).
     *
     * @param name one of {@link #NAMES}
     * @param options the options the method is created with
     * @return the options' mixer for the DJMix methods, \(\beta = 0\) for {@code djmix-nomix},
     *     empty for the methods that do not mix with g
     */
    public static Optional<BetaMixer> mixer(String name, MethodOptions options) {
        if (!needsDiscretizer(name)) {
            return Optional.empty();
        }
        return Optional.of(drawsBeta(name) ? options.getMixer() : BetaMixer.fixed(0));
    }

    /**
     * Tells whether a method draws \(\beta\) from the options' mixer (what {@link
     * MethodOptions.Builder#optMixer} changes).
     *
     * @param name one of {@link #NAMES}
     * @return true for the DJMix methods except the ablation without mixing
     */
    public static boolean drawsBeta(String name) {
        return needsDiscretizer(name) && !"djmix-nomix".equals(name);
    }

    /**
     * Creates a method.
     *
     * @param name one of {@link #NAMES}
     * @param options the discretizer (DJMix methods), seed and task details
     * @return the method
     */
    public static Method create(String name, MethodOptions options) {
        switch (name) {
            case "baseline":
                return new StandardMethod(name, UnaryOperator.identity(), UnaryOperator.identity());
            case "mixup":
                return new StandardMethod(
                        name,
                        model -> new MixupBlock(model, MIXUP_ALPHA, options.getSeed()),
                        loss -> new MixupLoss(loss, options.getTaskOutputs()));
            case "augmix":
                return augmix(name, options, augmixOps(options));
            case "augmix-nogt":
                return augmix(name, options, AugMixOp.DEFAULT_WITHOUT_GEOMETRY);
            case "djmix":
            case "djmix-ra":
            case "djmix-clean-loss":
            case "djmix-kl":
            case "djmix-l2":
            case "djmix-nomix":
            case "djmix-noquant":
                return djmix(name, options);
            default:
                throw new IllegalArgumentException(
                        "unknown method '" + name + "'; expected one of " + NAMES);
        }
    }

    private static List<AugMixOp> augmixOps(MethodOptions options) {
        return options.isGeometricOps() ? AugMixOp.DEFAULT : AugMixOp.DEFAULT_WITHOUT_GEOMETRY;
    }

    private static Method augmix(String name, MethodOptions options, List<AugMixOp> ops) {
        AugMix augmix = new AugMix(new AugMixChain(ops, 0, options.getAugmixSeverity()), 3, 1);
        TrainingViews views = new AugMixViews(new HostBatchAugmentation(augmix));
        return consistencyMethod(name, options, views, 0, new JensenShannonLoss(), AUGMIX_GAMMA);
    }

    /** DJMix and its variants; each variant changes one thing (Table 5 for the ablations). */
    private static Method djmix(String name, MethodOptions options) {
        Discretizer discretizer =
                options.getDiscretizer()
                        .orElseThrow(
                                () ->
                                        new IllegalArgumentException(
                                                "method '"
                                                        + name
                                                        + "' needs a discretizer g:"
                                                        + " MethodOptions.builder()"
                                                        + ".setDiscretizer(...)"));
        BetaMixer mixer = mixer(name, options).orElseThrow();
        BatchAugmentation preAugmentation =
                "djmix-ra".equals(name)
                        ? new HostBatchAugmentation(
                                new AugMixChain(augmixOps(options), 0, options.getAugmixSeverity()))
                        : BatchAugmentation.none();
        int taskView = "djmix-clean-loss".equals(name) ? 1 : 0;
        ConsistencyLoss consistency =
                switch (name) {
                    case "djmix-kl" -> new KLDivergenceLoss();
                    case "djmix-l2" -> new L2ConsistencyLoss();
                    default -> new JensenShannonLoss();
                };
        TrainingViews views = new DJMixViews(discretizer, mixer, preAugmentation);
        return consistencyMethod(name, options, views, taskView, consistency, DJMIX_GAMMA);
    }

    private static Method consistencyMethod(
            String name,
            MethodOptions options,
            TrainingViews views,
            int taskView,
            ConsistencyLoss consistency,
            float defaultGamma) {
        return new StandardMethod(
                name,
                model ->
                        DJMixBlock.builder()
                                .setModel(model)
                                .optViews(views)
                                .optSeparatePasses(options.isSeparatePasses())
                                .optSeed(options.getSeed())
                                .build(),
                loss ->
                        DJMixLoss.builder()
                                .setTaskLoss(loss)
                                .optConsistency(consistency)
                                .optGamma(options.getGamma(defaultGamma))
                                .optViews(views.count())
                                .optTaskView(taskView)
                                .optTaskOutputs(options.getTaskOutputs())
                                .optName(name)
                                .build());
    }
}
