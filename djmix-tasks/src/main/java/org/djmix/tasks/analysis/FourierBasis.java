package org.djmix.tasks.analysis;

/**
 * The real 2-D Fourier basis images of an H×W input, as in Yin et al. 2019 ("A Fourier perspective
 * on model robustness"): \(U_{i,j}\) is the inverse DFT of a spectrum that is 1 at frequency \((i,
 * j)\) and at its conjugate \((-i, -j)\), normalised to unit L2 norm, which is the cosine
 * \(U_{i,j}[u,v] = \cos(2\pi(iu/H + jv/W)) / \lVert\cdot\rVert\). \(U_{i,j} = U_{-i,-j}\), and two
 * basis images of frequencies that are neither equal nor conjugate are orthogonal. Frequencies are
 * centred: \(i \in [-\lfloor H/2 \rfloor, \lceil H/2 \rceil)\), \(j\) likewise, zero in the middle
 * of the heat map. Built directly (cosines), so no FFT library is needed.
 */
public final class FourierBasis {

    private final int height;
    private final int width;

    /**
     * Creates the basis of an input size.
     *
     * @param height H, &gt;= 1
     * @param width W, &gt;= 1
     */
    public FourierBasis(int height, int width) {
        if (height < 1 || width < 1) {
            throw new IllegalArgumentException(
                    "the input size must be positive, got " + height + "x" + width);
        }
        this.height = height;
        this.width = width;
    }

    /**
     * Returns the input's height.
     *
     * @return H
     */
    public int height() {
        return height;
    }

    /**
     * Returns the input's width.
     *
     * @return W
     */
    public int width() {
        return width;
    }

    /**
     * Returns the lowest centred row frequency.
     *
     * @return \(-\lfloor H/2 \rfloor\)
     */
    public int minRow() {
        return -(height / 2);
    }

    /**
     * Returns the lowest centred column frequency.
     *
     * @return \(-\lfloor W/2 \rfloor\)
     */
    public int minColumn() {
        return -(width / 2);
    }

    /**
     * Returns one basis image.
     *
     * @param i the row frequency (any integer; taken modulo H)
     * @param j the column frequency (any integer; taken modulo W)
     * @return H·W values, row by row, with unit L2 norm
     */
    public float[] image(int i, int j) {
        double[] values = new double[height * width];
        double norm = 0;
        for (int u = 0; u < height; u++) {
            for (int v = 0; v < width; v++) {
                double value =
                        Math.cos(2 * Math.PI * ((double) i * u / height + (double) j * v / width));
                values[u * width + v] = value;
                norm += value * value;
            }
        }
        norm = Math.sqrt(norm);
        float[] image = new float[values.length];
        for (int k = 0; k < values.length; k++) {
            image[k] = (float) (values[k] / norm);
        }
        return image;
    }

    /**
     * Says whether a frequency is the representative of its conjugate pair that is measured: the
     * other one has the same basis image, so the heat map mirrors it.
     *
     * @param i the centred row frequency
     * @param j the centred column frequency
     * @return true for one frequency of each pair \(\{(i,j), (-i,-j)\}\) (modulo H, W)
     */
    public boolean isRepresentative(int i, int j) {
        int ci = Math.floorMod(-i, height);
        int cj = Math.floorMod(-j, width);
        int pi = Math.floorMod(i, height);
        int pj = Math.floorMod(j, width);
        return pi < ci || (pi == ci && pj <= cj);
    }

    /**
     * Returns the conjugate of a centred frequency, centred.
     *
     * @param i the centred row frequency
     * @param j the centred column frequency
     * @return {row, column} of \((-i, -j)\) modulo H, W, in the centred range
     */
    public int[] conjugate(int i, int j) {
        return new int[] {centre(-i, height), centre(-j, width)};
    }

    private static int centre(int frequency, int size) {
        int f = Math.floorMod(frequency, size);
        return f >= size - size / 2 ? f - size : f;
    }
}
