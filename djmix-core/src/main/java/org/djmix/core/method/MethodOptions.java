package org.djmix.core.method;

import java.util.Optional;
import org.djmix.core.BetaMixer;
import org.djmix.core.Discretizer;
import org.djmix.core.TaskOutputs;

/**
 * What a task and a run tell the methods: the discretizer \(g\), the seed, the task's outputs, and
 * whether geometric augmentation is allowed (not for segmentation or detection, where it would move
 * masks and boxes).
 */
public final class MethodOptions {

    private final Discretizer discretizer;
    private final long seed;
    private final BetaMixer mixer;
    private final Float gamma;
    private final TaskOutputs outputs;
    private final boolean geometricOps;
    private final double augmixSeverity;
    private final boolean separatePasses;

    private MethodOptions(Builder builder) {
        this.discretizer = builder.discretizer;
        this.seed = builder.seed;
        this.mixer = builder.mixer;
        this.gamma = builder.gamma;
        this.outputs = builder.outputs;
        this.geometricOps = builder.geometricOps;
        this.augmixSeverity = builder.augmixSeverity;
        this.separatePasses = builder.separatePasses;
    }

    /**
     * Returns a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the discretizer, if set.
     *
     * @return \(g\)
     */
    public Optional<Discretizer> getDiscretizer() {
        return Optional.ofNullable(discretizer);
    }

    /**
     * Returns the seed of the methods' randomness.
     *
     * @return the seed
     */
    public long getSeed() {
        return seed;
    }

    /**
     * Returns how DJMix draws \(\beta\).
     *
     * @return the mixer
     */
    public BetaMixer getMixer() {
        return mixer;
    }

    /**
     * Returns the consistency weight, or the method's own default when unset.
     *
     * @param methodDefault the method's \(\gamma\) (DJMix 1, AugMix 12)
     * @return \(\gamma\)
     */
    public float getGamma(float methodDefault) {
        return gamma == null ? methodDefault : gamma;
    }

    /**
     * Returns what the model returns per view and which output the consistency term compares.
     *
     * @return the task's outputs
     */
    public TaskOutputs getTaskOutputs() {
        return outputs;
    }

    /**
     * Returns whether AugMix's rotate/shear/translate may be used.
     *
     * @return true for classification
     */
    public boolean isGeometricOps() {
        return geometricOps;
    }

    /**
     * Returns the AugMix op severity.
     *
     * @return 3 on CIFAR, 1 on ImageNet
     */
    public double getAugmixSeverity() {
        return augmixSeverity;
    }

    /**
     * Returns whether the views go through the model in separate passes.
     *
     * @return true for separate passes
     */
    public boolean isSeparatePasses() {
        return separatePasses;
    }

    /** Builds {@link MethodOptions}; every value has a default but the discretizer. */
    public static final class Builder {

        private Discretizer discretizer;
        private long seed;
        private BetaMixer mixer = BetaMixer.paper();
        private Float gamma;
        private TaskOutputs outputs = TaskOutputs.classification();
        private boolean geometricOps = true;
        private double augmixSeverity = 3;
        private boolean separatePasses;

        Builder() {}

        /**
         * Sets \(g\), required by the DJMix methods.
         *
         * @param discretizer \(g\)
         * @return this builder
         */
        public Builder setDiscretizer(Discretizer discretizer) {
            this.discretizer = discretizer;
            return this;
        }

        /**
         * Sets the seed (default 0).
         *
         * @param seed the seed
         * @return this builder
         */
        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Sets how DJMix draws \(\beta\) (default \(\mathrm{Beta}(1, 0.5)\)).
         *
         * @param mixer the mixer
         * @return this builder
         */
        public Builder optMixer(BetaMixer mixer) {
            this.mixer = mixer;
            return this;
        }

        /**
         * Overrides the consistency weight \(\gamma\) (default: the method's own).
         *
         * @param gamma \(\gamma \ge 0\)
         * @return this builder
         */
        public Builder optGamma(float gamma) {
            this.gamma = gamma;
            return this;
        }

        /**
         * Sets what the model returns per view and which output the consistency term compares
         * (default: one logits array).
         *
         * @param outputs the task's outputs
         * @return this builder
         */
        public Builder optTaskOutputs(TaskOutputs outputs) {
            this.outputs = outputs;
            return this;
        }

        /**
         * Allows or forbids AugMix's geometric ops (default allowed).
         *
         * @param geometricOps false for segmentation and detection
         * @return this builder
         */
        public Builder optGeometricOps(boolean geometricOps) {
            this.geometricOps = geometricOps;
            return this;
        }

        /**
         * Sets AugMix's op severity (default 3, the CIFAR setting).
         *
         * @param augmixSeverity the severity in (0.1, 10]
         * @return this builder
         */
        public Builder optAugmixSeverity(double augmixSeverity) {
            this.augmixSeverity = augmixSeverity;
            return this;
        }

        /**
         * Runs the views through the model in separate passes (default one joint pass).
         *
         * @param separatePasses whether to use separate passes
         * @return this builder
         */
        public Builder optSeparatePasses(boolean separatePasses) {
            this.separatePasses = separatePasses;
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         */
        public MethodOptions build() {
            if (gamma != null && (!(gamma >= 0) || gamma.isInfinite())) {
                throw new IllegalArgumentException("gamma must be finite and >= 0, got " + gamma);
            }
            if (!(augmixSeverity > 0.1 && augmixSeverity <= 10)) {
                throw new IllegalArgumentException(
                        "augmixSeverity must be in (0.1, 10], got " + augmixSeverity);
            }
            return new MethodOptions(this);
        }
    }
}
