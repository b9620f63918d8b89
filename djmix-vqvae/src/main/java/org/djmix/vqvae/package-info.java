/** The discretizing autoencoder \(g\): a VQ-VAE trained to minimise \(\|g(x)-x\|^2\). */
package org.djmix.vqvae;
