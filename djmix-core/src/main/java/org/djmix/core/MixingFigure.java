package org.djmix.core;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.random.JDKRandomGenerator;
import org.djmix.image.ByteImage;
import org.djmix.image.ImageGrid;

/**
 * The paper's Figure 1 for a given \(g\): a grid whose rows are the originals \(x\), their
 * discretized copies \(g(x)\) and the mixes \(\tilde{x} = \beta x + (1-\beta) g(x)\) at fixed
 * \(\beta\)s, one column per image, so a person can see how close \(\tilde{x}\) stays to \(x\).
 */
public final class MixingFigure {

    /** The \(\beta\)s drawn by default: 0.25, 0.5 and 0.75. */
    public static final List<Double> DEFAULT_BETAS = List.of(0.25, 0.5, 0.75);

    private MixingFigure() {}

    /**
     * Builds the grid.
     *
     * @param discretizer \(g\)
     * @param images \(x\), (N, C, H, W) in [0, 1]
     * @param betas the \(\beta\)s of the mixed rows
     * @param scale the enlargement of each pixel
     * @return the grid, ready to write
     */
    public static ImageGrid of(
            Discretizer discretizer, NDArray images, List<Double> betas, int scale) {
        NDArray discretized = discretizer.apply(images);
        ImageGrid grid = new ImageGrid(scale);
        grid.addRow("x", toImages(images));
        grid.addRow("g(x)", toImages(discretized));
        for (double beta : betas) {
            NDArray mixed =
                    BetaMixer.fixed(beta).mix(images, discretized, new JDKRandomGenerator(0));
            grid.addRow("x̃, β = " + beta, toImages(mixed));
        }
        return grid;
    }

    /** Converts a float batch in [0, 1] to 8-bit images (rounded, clipped). */
    private static List<ByteImage> toImages(NDArray batch) {
        Shape shape = batch.getShape();
        int n = (int) shape.get(0);
        int c = (int) shape.get(1);
        int h = (int) shape.get(2);
        int w = (int) shape.get(3);
        float[] values = batch.toFloatArray();
        List<ByteImage> images = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            images.add(ByteImage.fromUnitFloats(c, h, w, values, i * c * h * w));
        }
        return images;
    }
}
