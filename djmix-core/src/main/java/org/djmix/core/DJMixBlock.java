package org.djmix.core;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Wraps a model \(f\) for consistency training. In training it expands each batch \(x\) into \(k\)
 * views (DJMix: \(\tilde{x} = \beta x + (1-\beta) g(x)\) and \(x\)) and returns \(f\) of every
 * view, view-major: \([f(v_1)_1, \dots, f(v_1)_m, f(v_2)_1, \dots]\) for an \(f\) with \(m\)
 * outputs. By default the views go through \(f\) as one concatenated batch of \(kN\) (as the AugMix
 * reference does), optionally as \(k\) separate passes. In inference it is exactly \(f\).
 *
 * <p>When the trainer hands over the batch's labels (DJL's {@code Trainer.forward(data, labels)}),
 * \(f\) receives them with every view (repeated k times for the joint pass), for models whose
 * training forward needs its targets, such as a detector's samplers.
 *
 * <p>Its randomness (\(\beta\), augmentations) comes from {@link AbstractTrainingBlock}'s per-step
 * streams.
 */
public final class DJMixBlock extends AbstractTrainingBlock {

    private static final byte VERSION = 1;

    private final TrainingViews views;
    private final boolean separatePasses;

    private DJMixBlock(Builder builder) {
        super(VERSION, builder.model, builder.seed);
        this.views = builder.views;
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

    @Override
    protected NDList trainingForward(
            ParameterStore parameterStore,
            NDArray images,
            NDList rest,
            NDList labels,
            RandomGenerator random,
            PairList<String, Object> params) {
        NDList viewList = views.make(images, random);
        if (viewList.size() != views.count()) {
            throw new IllegalStateException(
                    "views must make " + views.count() + " views, made " + viewList.size());
        }
        Block model = getModel();
        NDList out = new NDList();
        if (separatePasses) {
            for (NDArray view : viewList) {
                NDList viewInputs = new NDList(view).addAll(rest);
                out.addAll(
                        labels == null
                                ? model.forward(parameterStore, viewInputs, true, params)
                                : model.forward(parameterStore, viewInputs, labels, params));
            }
            return out;
        }
        if (!rest.isEmpty()) {
            throw new IllegalArgumentException(
                    "inputs beyond the images ("
                            + rest.size()
                            + " more) need separate passes: set optSeparatePasses(true)");
        }
        NDList jointInputs = new NDList(NDArrays.concat(viewList));
        NDList joint =
                labels == null
                        ? model.forward(parameterStore, jointInputs, true, params)
                        : model.forward(
                                parameterStore,
                                jointInputs,
                                repeat(labels, viewList.size()),
                                params);
        int k = viewList.size();
        long expected = images.getShape().get(0) * k;
        NDList[] perView = new NDList[k];
        for (int v = 0; v < k; v++) {
            perView[v] = new NDList(joint.size());
        }
        for (int o = 0; o < joint.size(); o++) {
            NDArray output = joint.get(o);
            if (output.getShape().dimension() == 0 || output.getShape().get(0) != expected) {
                throw new IllegalStateException(
                        "model output "
                                + o
                                + " has shape "
                                + output.getShape()
                                + ", expected a batch axis of "
                                + expected
                                + " (views x batch): set optSeparatePasses(true)");
            }
            NDList parts = output.split(k);
            for (int v = 0; v < k; v++) {
                perView[v].add(parts.get(v));
            }
        }
        for (NDList list : perView) {
            out.addAll(list);
        }
        return out;
    }

    /** Each label array k times along the batch axis, matching the joint batch of k views. */
    private static NDList repeat(NDList labels, int k) {
        NDList repeated = new NDList(labels.size());
        for (NDArray label : labels) {
            NDList copies = new NDList(k);
            for (int v = 0; v < k; v++) {
                copies.add(label);
            }
            repeated.add(NDArrays.concat(copies));
        }
        return repeated;
    }

    /**
     * Builds a {@link DJMixBlock}: {@code setModel}, then {@code setDiscretizer} or {@code
     * optViews}.
     */
    public static final class Builder {

        private Block model;
        private TrainingViews views;
        private Discretizer discretizer;
        private BetaMixer mixer = BetaMixer.paper();
        private boolean separatePasses;
        private long seed;

        Builder() {}

        /**
         * Sets the model \(f\).
         *
         * @param model \(f\)
         * @return this builder
         */
        public Builder setModel(Block model) {
            this.model = model;
            return this;
        }

        /**
         * Sets \(g\); the views are then DJMix's \((\tilde{x}, x)\).
         *
         * @param discretizer \(g\)
         * @return this builder
         */
        public Builder setDiscretizer(Discretizer discretizer) {
            this.discretizer = discretizer;
            return this;
        }

        /**
         * Sets how \(\beta\) is drawn (default \(\mathrm{Beta}(1, 0.5)\)).
         *
         * @param mixer the mixer
         * @return this builder
         */
        public Builder optMixer(BetaMixer mixer) {
            this.mixer = mixer;
            return this;
        }

        /**
         * Sets other views than DJMix's (AugMix's, DJMix+RA's); replaces the discretizer.
         *
         * @param views the views
         * @return this builder
         */
        public Builder optViews(TrainingViews views) {
            this.views = views;
            return this;
        }

        /**
         * Runs \(f\) once per view instead of once on the concatenated views (needed when \(f\)
         * takes more inputs than the images, or its outputs are not batch-major).
         *
         * @param separatePasses whether to run one pass per view
         * @return this builder
         */
        public Builder optSeparatePasses(boolean separatePasses) {
            this.separatePasses = separatePasses;
            return this;
        }

        /**
         * Sets the seed of the views' random streams (default 0).
         *
         * @param seed the seed
         * @return this builder
         */
        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Builds the block.
         *
         * @return the block
         */
        public DJMixBlock build() {
            if (model == null) {
                throw new IllegalArgumentException("model must be set (setModel)");
            }
            if (views == null) {
                if (discretizer == null) {
                    throw new IllegalArgumentException(
                            "either a discretizer (setDiscretizer) or views (optViews) must be set");
                }
                views = new DJMixViews(discretizer, mixer, BatchAugmentation.none());
            } else if (discretizer != null) {
                throw new IllegalArgumentException(
                        "set either a discretizer or views, not both: views replace the discretizer");
            }
            return new DJMixBlock(this);
        }
    }
}
