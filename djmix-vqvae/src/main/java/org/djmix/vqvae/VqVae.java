package org.djmix.vqvae;

/**
 * The discretizing autoencoder \(g\) of DJMix: a VQ-VAE (van den Oord et al. 2017) with the
 * architecture of the DJMix paper (Hataya and Nakayama; {@link ConvAutoencoder}) and a {@link
 * VectorQuantizer} as its bottleneck, so that \(g(x) = \mathrm{dec}(e_{k^*(\mathrm{enc}(x))})\).
 * Forward returns {@code (reconstruction, commitment loss, codes (N, H/4, W/4))}.
 */
public final class VqVae extends ConvAutoencoder {

    private static final byte VERSION = 1;

    private final VectorQuantizer quantizer;

    private VqVae(Builder builder, VectorQuantizer quantizer) {
        super(VERSION, builder, quantizer.getCodeDim(), quantizer);
        this.quantizer = quantizer;
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
     * Returns the quantiser settings a {@link VqVae} uses unless told otherwise: the paper's, with
     * dead-code revival every 100 updates. Start from it to change one setting.
     *
     * @return a new quantiser builder
     */
    public static VectorQuantizer.Builder defaultQuantizer() {
        return VectorQuantizer.builder().optRevivalInterval(100);
    }

    /**
     * Returns the quantiser (for its EMA update and codebook).
     *
     * @return the quantiser
     */
    public VectorQuantizer getQuantizer() {
        return quantizer;
    }

    /** Builds a {@link VqVae}; defaults are the paper's, for 3-channel images. */
    public static final class Builder extends BaseBuilder<Builder> {

        private VectorQuantizer.Builder quantizer = defaultQuantizer();

        Builder() {}

        @Override
        protected Builder self() {
            return this;
        }

        /**
         * Sets the quantiser (default {@link #defaultQuantizer()}).
         *
         * @param quantizer the quantiser's builder
         * @return this builder
         */
        public Builder optQuantizer(VectorQuantizer.Builder quantizer) {
            this.quantizer = quantizer;
            return this;
        }

        /**
         * Builds the autoencoder.
         *
         * @return the block
         */
        public VqVae build() {
            validate();
            return new VqVae(this, quantizer.build());
        }
    }
}
