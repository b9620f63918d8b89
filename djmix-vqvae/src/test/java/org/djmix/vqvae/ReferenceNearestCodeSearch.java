package org.djmix.vqvae;

/**
 * The nearest-code step in plain Java (squared L2, first index on ties): the tests' oracle and the
 * benchmarks' baseline (published in djmix-vqvae's test jar).
 */
public final class ReferenceNearestCodeSearch {

    private ReferenceNearestCodeSearch() {}

    /**
     * Finds the nearest code of every vector by trying them all.
     *
     * @param vectors N·D values, row-major
     * @param codebook K·D values, row-major
     * @param dim D
     * @return the N indices
     */
    public static long[] nearest(float[] vectors, float[] codebook, int dim) {
        int rows = vectors.length / dim;
        int codes = codebook.length / dim;
        long[] out = new long[rows];
        for (int i = 0; i < rows; i++) {
            double best = Double.POSITIVE_INFINITY;
            for (int k = 0; k < codes; k++) {
                double distance = 0;
                for (int d = 0; d < dim; d++) {
                    double diff = vectors[i * dim + d] - codebook[k * dim + d];
                    distance += diff * diff;
                }
                if (distance < best) {
                    best = distance;
                    out[i] = k;
                }
            }
        }
        return out;
    }
}
