package org.djmix.vqvae;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.LambdaBlock;

/**
 * The ablation (d) of the paper (Table 5): the same network as {@link VqVae} without the quantiser,
 * \(g(x) = \mathrm{dec}(\mathrm{enc}(x))\). Its reconstructions are smooth instead of discretized,
 * which is what the ablation measures (method {@code djmix-noquant}). Forward returns {@code
 * (reconstruction, zero loss)}, so {@link VqVaeLoss} and {@link VqVaeTrainer} train it unchanged.
 */
public final class PlainAutoencoder extends ConvAutoencoder {

    private static final byte VERSION = 1;

    private PlainAutoencoder(Builder builder) {
        super(
                VERSION,
                builder,
                builder.codeDim,
                new LambdaBlock(
                        z -> new NDList(z.head(), z.head().getManager().zeros(new Shape())),
                        "noQuantizer"));
    }

    /**
     * Returns a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link PlainAutoencoder}; defaults are the paper's (D = 64). */
    public static final class Builder extends BaseBuilder<Builder> {

        private int codeDim = 64;

        Builder() {}

        @Override
        protected Builder self() {
            return this;
        }

        /**
         * Sets the width D of the encoding (default 64).
         *
         * @param codeDim D &gt; 0
         * @return this builder
         */
        public Builder optCodeDim(int codeDim) {
            this.codeDim = codeDim;
            return this;
        }

        /**
         * Builds the autoencoder.
         *
         * @return the block
         */
        public PlainAutoencoder build() {
            validate();
            if (codeDim <= 0) {
                throw new IllegalArgumentException("codeDim must be > 0, got " + codeDim);
            }
            return new PlainAutoencoder(this);
        }
    }
}
