package org.djmix.vqvae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

/**
 * The vector quantiser's nearest-code step: \(k^*(z) = \arg\min_k \|z - e_k\|^2 = \arg\min_k
 * (\|e_k\|^2 - 2\,z \cdot e_k)\) (the \(\|z\|^2\) term does not change the arg-min), as one matrix
 * product per chunk of rows, on the device of the inputs. It never materialises an N×K×D array, and
 * chunking bounds the N×K distance matrix for large N.
 */
public final class NearestCodeSearch {

    private final int chunkRows;

    /** Creates a search with chunks of 16 384 rows (an N×K matrix of 32 MB for K = 512). */
    public NearestCodeSearch() {
        this(16_384);
    }

    /**
     * Creates a search.
     *
     * @param chunkRows how many vectors go through one matrix product, &gt; 0
     */
    public NearestCodeSearch(int chunkRows) {
        if (chunkRows <= 0) {
            throw new IllegalArgumentException("chunkRows must be > 0, got " + chunkRows);
        }
        this.chunkRows = chunkRows;
    }

    /**
     * Finds the nearest code of every vector.
     *
     * @param vectors (N, D) float vectors (any gradient is ignored)
     * @param codebook (K, D) codes on the same device
     * @return (N) int64 indices of the nearest codes, attached to {@code vectors}' manager
     */
    public NDArray nearest(NDArray vectors, NDArray codebook) {
        Shape vectorShape = vectors.getShape();
        Shape codeShape = codebook.getShape();
        if (vectorShape.dimension() != 2 || codeShape.dimension() != 2) {
            throw new IllegalArgumentException(
                    "vectors must be (N, D) and codebook (K, D), got "
                            + vectorShape
                            + " and "
                            + codeShape);
        }
        if (vectorShape.get(1) != codeShape.get(1)) {
            throw new IllegalArgumentException(
                    "vectors and codebook must have the same width D, got "
                            + vectorShape.get(1)
                            + " and "
                            + codeShape.get(1));
        }
        NDManager owner = vectors.getManager();
        long rows = vectorShape.get(0);
        try (NDManager scope = owner.newSubManager()) {
            scope.tempAttachAll(codebook);
            NDArray codesT = codebook.stopGradient().transpose();
            NDArray codeNorms = codesT.square().sum(new int[] {0}, true);
            NDArray detached = vectors.stopGradient();
            detached.attach(scope);
            NDList parts = new NDList();
            for (long start = 0; start < rows; start += chunkRows) {
                long end = Math.min(rows, start + chunkRows);
                NDArray chunk = detached.get(new NDIndex("{}:{}", start, end));
                NDArray scores = codeNorms.sub(chunk.matMul(codesT).mul(2));
                parts.add(scores.argMin(1));
            }
            NDArray indices = parts.size() == 1 ? parts.head() : NDArrays.concat(parts);
            indices.attach(owner);
            return indices;
        }
    }
}
