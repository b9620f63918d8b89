package org.djmix.vqvae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

/**
 * The vector quantiser's nearest-code step: \(k^*(z) = \arg\min_k \|z - e_k\|^2 = \arg\min_k
 * (\|e_k\|^2 - 2\,z \cdot e_k)\) (the \(\|z\|^2\) term does not change the arg-min), on the device
 * of the inputs. Each chunk of rows is one fused matrix product with bias ({@code
 * torch.nn.functional.linear}: \(z\,(-2E)^\top + \|E\|^2\), one BLAS call) followed by an arg-min.
 * It never materialises an N×K×D array; chunks of 1 024 rows keep the 1 024×K score block in cache
 * (on 2 CPU cores this was 1.5× faster than one 16 384-row block, docs/benchmarks.md) and bound the
 * memory for any N.
 */
public final class NearestCodeSearch {

    private final int chunkRows;

    /** Creates a search with chunks of 1 024 rows (a score block of 2 MB for K = 512). */
    public NearestCodeSearch() {
        this(1024);
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
            NDArray codes = codebook.stopGradient();
            NDArray weight = codes.mul(-2);
            NDArray bias = codes.square().sum(new int[] {1});
            NDArray detached = vectors.stopGradient();
            detached.attach(scope);
            NDList parts = new NDList();
            for (long start = 0; start < rows; start += chunkRows) {
                long end = Math.min(rows, start + chunkRows);
                NDArray chunk =
                        start == 0 && end == rows
                                ? detached
                                : detached.get(new NDIndex("{}:{}", start, end));
                NDArray scores = chunk.getNDArrayInternal().linear(chunk, weight, bias).head();
                parts.add(scores.argMin(1));
            }
            NDArray indices = parts.size() == 1 ? parts.head() : NDArrays.concat(parts);
            indices.attach(owner);
            return indices;
        }
    }
}
