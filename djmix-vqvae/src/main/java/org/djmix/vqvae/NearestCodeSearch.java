package org.djmix.vqvae;

import ai.djl.Device;
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
 * It never materialises an N×K×D array, and chunks of rows bound the memory for any N. By default
 * the chunk size follows the device: on a CPU, 1 024 rows keep the 1 024×K score block in cache (on
 * 2 cores this was 1.5× faster than one 16 384-row block, docs/benchmarks.md); on a GPU, where each
 * chunk costs kernel launches and cache does not matter, chunks are as large as a 64 MB score
 * block.
 */
public final class NearestCodeSearch {

    /** Rows per chunk on a CPU: a score block of 2 MB for K = 512. */
    static final int CPU_CHUNK_ROWS = 1024;

    /** Score elements per chunk on a GPU: 64 MB of float32 scores. */
    static final long GPU_CHUNK_SCORES = 1L << 24;

    /** Rows per chunk, or 0 to choose them from the device. */
    private final int chunkRows;

    /** Creates a search whose chunk size follows the device of the vectors. */
    public NearestCodeSearch() {
        this.chunkRows = 0;
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
        long chunk = chunkRows(vectors.getDevice(), codeShape.get(0));
        try (NDManager scope = owner.newSubManager()) {
            scope.tempAttachAll(codebook);
            NDArray codes = codebook.stopGradient();
            NDArray weight = codes.mul(-2);
            NDArray bias = codes.square().sum(new int[] {1});
            NDArray detached = vectors.stopGradient();
            detached.attach(scope);
            NDList parts = new NDList();
            for (long start = 0; start < rows; start += chunk) {
                long end = Math.min(rows, start + chunk);
                NDArray part =
                        start == 0 && end == rows
                                ? detached
                                : detached.get(new NDIndex("{}:{}", start, end));
                NDArray scores = part.getNDArrayInternal().linear(part, weight, bias).head();
                parts.add(scores.argMin(1));
            }
            NDArray indices = parts.size() == 1 ? parts.head() : NDArrays.concat(parts);
            indices.attach(owner);
            return indices;
        }
    }

    /**
     * Rows per chunk on a device.
     *
     * @param device where the search runs
     * @param codes K
     * @return the rows of one matrix product
     */
    long chunkRows(Device device, long codes) {
        if (chunkRows > 0) {
            return chunkRows;
        }
        return Device.Type.GPU.equals(device.getDeviceType())
                ? Math.max(CPU_CHUNK_ROWS, GPU_CHUNK_SCORES / Math.max(1, codes))
                : CPU_CHUNK_ROWS;
    }
}
