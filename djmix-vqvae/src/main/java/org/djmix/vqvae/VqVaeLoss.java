package org.djmix.vqvae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

/**
 * The VQ-VAE's training loss with an EMA codebook: \(\|g(x) - x\|^2\) (mean over pixels) plus the
 * quantiser's commitment loss \(\beta\|z - \mathrm{sg}(e)\|^2\). The codebook term of the original
 * VQ-VAE is replaced by the EMA update.
 *
 * <p>Reads {@code labels.get(0)} = the images \(x\), {@code predictions.get(0)} = \(g(x)\) and
 * {@code predictions.get(1)} = the commitment loss, as {@link VqVae} returns them ({@link
 * PlainAutoencoder} returns zero there, so the loss is its reconstruction error).
 */
public class VqVaeLoss extends Loss {

    /** Creates the loss. */
    public VqVaeLoss() {
        super("VqVaeLoss");
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray images = labels.head();
        NDArray reconstruction = predictions.get(0);
        if (!images.getShape().equals(reconstruction.getShape())) {
            throw new IllegalArgumentException(
                    "reconstruction must have the images' shape "
                            + images.getShape()
                            + ", got "
                            + reconstruction.getShape());
        }
        return reconstruction.sub(images).square().mean().add(predictions.get(1));
    }
}
