package org.djmix.vqvae;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import java.util.Random;
import org.djmix.core.nn.Scalars;

/**
 * The VQ-VAE's vector quantiser (van den Oord et al. 2017) with an exponential-moving-average
 * codebook (Razavi et al. 2019): every D-dimensional vector \(z\) of the encoder's (N, D, H, W)
 * output is replaced by its nearest code \(e_{k^*}\), with the straight-through estimator \(z_q = z
 * + \mathrm{sg}(e_{k^*} - z)\) and the commitment loss \(\beta \|z - \mathrm{sg}(e_{k^*})\|^2\).
 *
 * <p>Forward returns {@code (z_q, commitment loss, codes (N, H, W))}. The codebook is not trained
 * by the optimiser. Each training forward records how many vectors chose each code and their sum,
 * and {@link #updateCodebook()}, called after backward, applies the EMA: \(c \leftarrow \gamma c +
 * (1-\gamma) n\), \(s \leftarrow \gamma s + (1-\gamma)\sum z\). It then bias-corrects both by \(1 -
 * \gamma^t\) (they start at 0), Laplace-smooths the counts, \(\tilde{c}_k = (c_k + \epsilon)/(\sum
 * c + K\epsilon) \sum c\), and sets \(e_k = s_k / \tilde{c}_k\). Optionally, every {@code
 * revivalInterval} updates, codes no vector chose since the last check are re-seeded from random
 * encoder outputs of the current batch (the usual remedy for codebook collapse, as in Dhariwal et
 * al. 2020's Jukebox).
 */
public final class VectorQuantizer extends AbstractBlock {

    private static final byte VERSION = 1;

    private final int codebookSize;
    private final int codeDim;
    private final float commitment;
    private final float decay;
    private final float epsilon;
    private final int revivalInterval;
    private final Random random;
    private final NearestCodeSearch search = new NearestCodeSearch();

    private final Parameter codebook;
    private final Parameter clusterSize;
    private final Parameter codeSum;
    private final Parameter updates;

    private NDArray pendingCounts;
    private NDArray pendingSums;
    private NDArray recentVectors;
    private NDArray usage;

    private VectorQuantizer(Builder builder) {
        super(VERSION);
        codebookSize = builder.codebookSize;
        codeDim = builder.codeDim;
        commitment = builder.commitment;
        decay = builder.decay;
        epsilon = builder.epsilon;
        revivalInterval = builder.revivalInterval;
        random = new Random(builder.seed);
        Shape codes = new Shape(codebookSize, codeDim);
        codebook = addParameter(buffer("codebook", codes, new NormalInitializer(1f)));
        clusterSize = addParameter(buffer("clusterSize", new Shape(codebookSize), zeros()));
        codeSum = addParameter(buffer("codeSum", codes, zeros()));
        updates = addParameter(buffer("updates", new Shape(1), zeros()));
    }

    private static ConstantInitializer zeros() {
        return new ConstantInitializer(0f);
    }

    private static Parameter buffer(
            String name, Shape shape, ai.djl.training.initializer.Initializer init) {
        return Parameter.builder()
                .setName(name)
                .setType(Parameter.Type.OTHER)
                .optShape(shape)
                .optInitializer(init)
                .optRequiresGrad(false)
                .build();
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
     * Returns the number of codes K.
     *
     * @return K
     */
    public int getCodebookSize() {
        return codebookSize;
    }

    /**
     * Returns the commitment cost \(\beta\).
     *
     * @return \(\beta\)
     */
    public float getCommitment() {
        return commitment;
    }

    /**
     * Returns the EMA decay \(\gamma\).
     *
     * @return \(\gamma\)
     */
    public float getDecay() {
        return decay;
    }

    /**
     * Returns the Laplace smoothing \(\epsilon\).
     *
     * @return \(\epsilon\)
     */
    public float getEpsilon() {
        return epsilon;
    }

    /**
     * Returns the dead-code revival interval (0: off).
     *
     * @return the interval in updates
     */
    public int getRevivalInterval() {
        return revivalInterval;
    }

    /**
     * Returns the code width D.
     *
     * @return D
     */
    public int getCodeDim() {
        return codeDim;
    }

    /**
     * Returns the codebook array (K, D).
     *
     * @return the codes
     */
    public NDArray getCodebook() {
        return codebook.getArray();
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore,
            NDList inputs,
            boolean training,
            PairList<String, Object> params) {
        NDArray z = inputs.head();
        Shape shape = z.getShape();
        if (shape.dimension() != 4 || shape.get(1) != codeDim) {
            throw new IllegalArgumentException(
                    "encoder output must be (N, " + codeDim + ", H, W), got " + shape);
        }
        Device device = z.getDevice();
        NDArray codes = parameterStore.getValue(codebook, device, training);
        NDArray flat = z.transpose(0, 2, 3, 1).reshape(-1, codeDim);
        NDArray indices = search.nearest(flat, codes);
        NDArray quantised = gather(codes, indices, z.getManager());
        NDArray zq =
                quantised
                        .reshape(shape.get(0), shape.get(2), shape.get(3), codeDim)
                        .transpose(0, 3, 1, 2);
        NDArray commitmentLoss = Scalars.mul(z.sub(zq.stopGradient()).square().mean(), commitment);
        NDArray straightThrough = z.add(zq.sub(z).stopGradient());
        if (training) {
            record(flat.stopGradient(), indices, codes.getManager());
        }
        return new NDList(
                straightThrough,
                commitmentLoss,
                indices.reshape(shape.get(0), shape.get(2), shape.get(3)));
    }

    /** Copies the chosen codes into arrays owned by the caller's manager. */
    private static NDArray gather(NDArray codes, NDArray indices, NDManager owner) {
        try (NDManager scope = owner.newSubManager()) {
            scope.tempAttachAll(codes);
            NDArray rows = codes.get(new NDIndex("{}", indices));
            rows.attach(owner);
            return rows;
        }
    }

    /**
     * Adds this batch's per-code counts and sums (and a sample of its vectors) to the pending
     * stats.
     */
    private void record(NDArray vectors, NDArray indices, NDManager keep) {
        NDArray oneHot = indices.oneHot(codebookSize, DataType.FLOAT32);
        NDArray counts = oneHot.sum(new int[] {0});
        NDArray sums = oneHot.transpose().matMul(vectors);
        counts.attach(keep);
        sums.attach(keep);
        if (pendingCounts == null) {
            pendingCounts = counts;
            pendingSums = sums;
        } else {
            pendingCounts.addi(counts);
            pendingSums.addi(sums);
            counts.close();
            sums.close();
        }
        if (revivalInterval > 0) {
            long rows = vectors.getShape().get(0);
            long[] picks = new long[codebookSize];
            for (int i = 0; i < picks.length; i++) {
                picks[i] = (long) (random.nextDouble() * rows);
            }
            NDArray pickIndex =
                    vectors.getManager().create(picks).toDevice(vectors.getDevice(), false);
            NDArray sample = vectors.get(new NDIndex("{}", pickIndex));
            sample.attach(keep);
            if (recentVectors != null) {
                recentVectors.close();
            }
            recentVectors = sample;
        }
    }

    /**
     * Applies the EMA update from the training forwards since the last call (none: no change). Call
     * it after backward, once per step; {@link CodebookUpdateListener} does so in DJL's training
     * loop.
     */
    public void updateCodebook() {
        if (pendingCounts == null) {
            return;
        }
        NDArray codes = codebook.getArray();
        NDArray sizes = clusterSize.getArray();
        NDArray sums = codeSum.getArray();
        NDArray steps = updates.getArray();
        NDManager keep = codes.getManager();
        try (NDManager scope = keep.newSubManager()) {
            scope.tempAttachAll(codes, sizes, sums, steps);
            pendingCounts.attach(scope);
            pendingSums.attach(scope);
            steps.addi(1);
            double t = steps.getFloat();
            sizes.muli(decay).addi(pendingCounts.mul(1 - decay));
            sums.muli(decay).addi(pendingSums.mul(1 - decay));
            float correction = (float) (1 - Math.pow(decay, t));
            NDArray correctedSizes = sizes.div(correction);
            NDArray total = correctedSizes.sum();
            NDArray smoothed =
                    correctedSizes.add(epsilon).div(total.add(codebookSize * epsilon)).mul(total);
            sums.div(correction).div(smoothed.expandDims(1)).copyTo(codes);
            if (revivalInterval > 0) {
                if (usage == null) {
                    usage = pendingCounts.duplicate();
                    usage.attach(keep);
                } else {
                    usage.addi(pendingCounts);
                }
                if (((long) t) % revivalInterval == 0) {
                    revive(codes, sizes, sums, correction);
                    usage.muli(0);
                }
            }
        }
        pendingCounts = null;
        pendingSums = null;
    }

    /** Re-seeds unused codes from recent encoder outputs, with EMA state that keeps them there. */
    private void revive(NDArray codes, NDArray sizes, NDArray sums, float correction) {
        boolean[] unused = usage.eq(0).toBooleanArray();
        float[] sample = recentVectors.toFloatArray();
        float[] codeValues = codes.toFloatArray();
        float[] sizeValues = sizes.toFloatArray();
        float[] sumValues = sums.toFloatArray();
        int revived = 0;
        for (int k = 0; k < codebookSize; k++) {
            if (!unused[k]) {
                continue;
            }
            revived++;
            sizeValues[k] = correction;
            for (int d = 0; d < codeDim; d++) {
                float v = sample[k * codeDim + d];
                codeValues[k * codeDim + d] = v;
                sumValues[k * codeDim + d] = v * correction;
            }
        }
        if (revived > 0) {
            codes.set(codeValues);
            sizes.set(sizeValues);
            sums.set(sumValues);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[] {in, new Shape(), new Shape(in.get(0), in.get(2), in.get(3))};
    }

    /** Builds a {@link VectorQuantizer}; defaults are the paper's. */
    public static final class Builder {

        private int codebookSize = 512;
        private int codeDim = 64;
        private float commitment = 0.25f;
        private float decay = 0.99f;
        private float epsilon = 1e-5f;
        private int revivalInterval;
        private long seed;

        Builder() {}

        /**
         * Sets the number of codes K (default 512).
         *
         * @param codebookSize K &gt; 0
         * @return this builder
         */
        public Builder optCodebookSize(int codebookSize) {
            this.codebookSize = codebookSize;
            return this;
        }

        /**
         * Sets the code width D (default 64).
         *
         * @param codeDim D &gt; 0
         * @return this builder
         */
        public Builder optCodeDim(int codeDim) {
            this.codeDim = codeDim;
            return this;
        }

        /**
         * Sets the commitment cost \(\beta\) (default 0.25).
         *
         * @param commitment \(\beta \ge 0\)
         * @return this builder
         */
        public Builder optCommitment(float commitment) {
            this.commitment = commitment;
            return this;
        }

        /**
         * Sets the EMA decay \(\gamma\) (default 0.99).
         *
         * @param decay \(\gamma \in (0, 1)\)
         * @return this builder
         */
        public Builder optDecay(float decay) {
            this.decay = decay;
            return this;
        }

        /**
         * Sets the Laplace smoothing \(\epsilon\) (default 1e-5).
         *
         * @param epsilon \(\epsilon &gt; 0\)
         * @return this builder
         */
        public Builder optEpsilon(float epsilon) {
            this.epsilon = epsilon;
            return this;
        }

        /**
         * Re-seeds codes unused for this many updates (default 0: never).
         *
         * @param revivalInterval the interval in updates, 0 to turn revival off
         * @return this builder
         */
        public Builder optRevivalInterval(int revivalInterval) {
            this.revivalInterval = revivalInterval;
            return this;
        }

        /**
         * Sets the seed of the revival's random picks (default 0).
         *
         * @param seed the seed
         * @return this builder
         */
        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Builds the quantiser.
         *
         * @return the block
         */
        public VectorQuantizer build() {
            if (codebookSize <= 0) {
                throw new IllegalArgumentException("codebookSize must be > 0, got " + codebookSize);
            }
            if (codeDim <= 0) {
                throw new IllegalArgumentException("codeDim must be > 0, got " + codeDim);
            }
            if (!(commitment >= 0)) {
                throw new IllegalArgumentException("commitment must be >= 0, got " + commitment);
            }
            if (!(decay > 0 && decay < 1)) {
                throw new IllegalArgumentException("decay must be in (0, 1), got " + decay);
            }
            if (!(epsilon > 0)) {
                throw new IllegalArgumentException("epsilon must be > 0, got " + epsilon);
            }
            if (revivalInterval < 0) {
                throw new IllegalArgumentException(
                        "revivalInterval must be >= 0, got " + revivalInterval);
            }
            return new VectorQuantizer(this);
        }
    }
}
