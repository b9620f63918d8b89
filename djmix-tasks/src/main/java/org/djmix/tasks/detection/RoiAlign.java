package org.djmix.tasks.detection;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;

/**
 * RoIAlign (He et al. 2017) with torchvision's semantics ({@code torchvision.ops.roi_align}): each
 * region (b, x1, y1, x2, y2), in input pixels, is scaled by {@code spatialScale} (shifted by half a
 * pixel when {@code aligned}), split into outputHeight × outputWidth bins, and each bin is the mean
 * of bilinear samples of the feature map on a regular grid of samplingRatio² points (or ⌈bin size⌉²
 * points when samplingRatio ≤ 0):
 *
 * <p>\(\mathrm{out}_{r,c,i,j} = \frac{1}{|G|}\sum_{(y,x)\in G_{ij}} \sum_{q \in \{\text{4
 * neighbours}\}} w_q(y,x)\, F_{b_r, c, q}\).
 *
 * <p>Samples more than one pixel outside the map count as zero; samples just outside are clamped to
 * the border, as in torchvision's kernel. The sample positions and weights are computed on the host
 * (regions carry no gradient in Faster R-CNN); the feature map's rows are gathered on its device
 * (an embedding lookup, whose backward accumulates in parallel where advanced indexing's is serial
 * on the CPU) and weighted by a batched matrix product, so the gradient with respect to the
 * features is PyTorch's own.
 *
 * @param outputHeight bins per column (7 in Faster R-CNN)
 * @param outputWidth bins per row
 * @param spatialScale feature pixels per input pixel, e.g. 1/4 for FPN level 2
 * @param samplingRatio grid points per bin side (2 in Faster R-CNN), or ≤ 0 for adaptive
 * @param aligned whether pixel centres are shifted by half a pixel (torchvision's {@code
 *     aligned=True}); Faster R-CNN's pooler uses false
 */
public record RoiAlign(
        int outputHeight, int outputWidth, float spatialScale, int samplingRatio, boolean aligned) {

    /**
     * The most feature values one gather may hold (2^28 floats, 1 GiB); more regions are pooled in
     * chunks, so inference on thousands of regions keeps its memory bounded.
     */
    private static final long MAX_GATHERED = 1L << 28;

    /** The gather's entries per bin at sampling ratio 2 (4 samples × 4 neighbours). */
    private static final int MAX_SAMPLES_PER_BIN = 16;

    /**
     * Checks the values.
     *
     * @param outputHeight &gt; 0
     * @param outputWidth &gt; 0
     * @param spatialScale &gt; 0
     * @param samplingRatio any
     * @param aligned any
     */
    public RoiAlign {
        if (outputHeight < 1 || outputWidth < 1 || !(spatialScale > 0)) {
            throw new IllegalArgumentException(
                    "RoIAlign needs an output size > 0 and a scale > 0, got "
                            + outputHeight
                            + "x"
                            + outputWidth
                            + " and "
                            + spatialScale);
        }
    }

    /**
     * Pools every region.
     *
     * @param features (N, C, H, W)
     * @param rois (R, 5): batch index, x1, y1, x2, y2 in input pixels
     * @return (R, C, outputHeight, outputWidth), on the features' device
     */
    public NDArray apply(NDArray features, NDArray rois) {
        return apply(features, rois, MAX_GATHERED);
    }

    /** Pools every region, gathering at most {@code maxGathered} feature values at a time. */
    NDArray apply(NDArray features, NDArray rois, long maxGathered) {
        Shape shape = features.getShape();
        Shape roiShape = rois.getShape();
        if (shape.dimension() != 4 || roiShape.dimension() != 2 || roiShape.get(1) != 5) {
            throw new IllegalArgumentException(
                    "RoIAlign takes features (N, C, H, W) and rois (R, 5), got "
                            + shape
                            + " and "
                            + roiShape);
        }
        int n = (int) shape.get(0);
        int channels = (int) shape.get(1);
        int height = (int) shape.get(2);
        int width = (int) shape.get(3);
        int r = (int) roiShape.get(0);
        float[] all = rois.toFloatArray();
        NDArray flat = features.transpose(0, 2, 3, 1).reshape(-1, channels);
        long perRoi = (long) outputHeight * outputWidth * MAX_SAMPLES_PER_BIN * channels;
        int chunk = (int) Math.max(1, Math.min(r, maxGathered / perRoi));
        if (chunk >= r) {
            return pool(flat, all, r, n, height, width, channels);
        }
        NDList parts = new NDList();
        for (int start = 0; start < r; start += chunk) {
            int end = Math.min(r, start + chunk);
            float[] part = java.util.Arrays.copyOfRange(all, 5 * start, 5 * end);
            parts.add(pool(flat, part, end - start, n, height, width, channels));
        }
        return NDArrays.concat(parts);
    }

    /** Pools r regions from the flattened (N·H·W, C) map. */
    private NDArray pool(
            NDArray flat, float[] rois, int r, int n, int height, int width, int channels) {
        Samples samples = samples(rois, r, n, height, width);
        NDManager manager = flat.getManager();
        NDArray index = manager.create(samples.pixels, new Shape(samples.pixels.length));
        int cells = r * outputHeight * outputWidth;
        NDArray weight = manager.create(samples.weights, new Shape(cells, 1, samples.perBin));
        NDArray gathered =
                flat.getNDArrayInternal()
                        .embedding(index, flat, SparseFormat.DENSE)
                        .head()
                        .reshape(cells, samples.perBin, channels);
        return weight.matMul(gathered)
                .reshape(r, outputHeight, outputWidth, channels)
                .transpose(0, 3, 1, 2);
    }

    /**
     * For every output cell, {@code perBin} (pixel index into the flattened (N·H·W) map, weight)
     * pairs; cells of regions with fewer samples are padded with weight 0.
     */
    private record Samples(long[] pixels, float[] weights, int perBin) {}

    private Samples samples(float[] rois, int r, int n, int height, int width) {
        float offset = aligned ? 0.5f : 0f;
        int[] gridH = new int[r];
        int[] gridW = new int[r];
        float[][] geometry = new float[r][];
        int perBin = 1;
        for (int i = 0; i < r; i++) {
            int b = (int) rois[5 * i];
            if (b < 0 || b >= n || b != rois[5 * i]) {
                throw new IllegalArgumentException(
                        "roi "
                                + i
                                + " has batch index "
                                + rois[5 * i]
                                + ", expected 0.."
                                + (n - 1));
            }
            float startW = rois[5 * i + 1] * spatialScale - offset;
            float startH = rois[5 * i + 2] * spatialScale - offset;
            float roiW = rois[5 * i + 3] * spatialScale - offset - startW;
            float roiH = rois[5 * i + 4] * spatialScale - offset - startH;
            if (!aligned) {
                roiW = Math.max(roiW, 1f);
                roiH = Math.max(roiH, 1f);
            }
            float binH = roiH / outputHeight;
            float binW = roiW / outputWidth;
            gridH[i] = samplingRatio > 0 ? samplingRatio : (int) Math.ceil(roiH / outputHeight);
            gridW[i] = samplingRatio > 0 ? samplingRatio : (int) Math.ceil(roiW / outputWidth);
            geometry[i] = new float[] {b, startH, startW, binH, binW};
            perBin = Math.max(perBin, 4 * gridH[i] * gridW[i]);
        }
        int cells = r * outputHeight * outputWidth;
        long[] pixels = new long[cells * perBin];
        float[] weights = new float[cells * perBin];
        int plane = height * width;
        for (int i = 0; i < r; i++) {
            float[] g = geometry[i];
            int base = (int) g[0] * plane;
            float count = Math.max(gridH[i] * gridW[i], 1);
            for (int ph = 0; ph < outputHeight; ph++) {
                for (int pw = 0; pw < outputWidth; pw++) {
                    int slot = ((i * outputHeight + ph) * outputWidth + pw) * perBin;
                    for (int iy = 0; iy < gridH[i]; iy++) {
                        float y = g[1] + ph * g[3] + (iy + .5f) * g[3] / gridH[i];
                        for (int ix = 0; ix < gridW[i]; ix++) {
                            float x = g[2] + pw * g[4] + (ix + .5f) * g[4] / gridW[i];
                            bilinear(y, x, height, width, base, 1f / count, pixels, weights, slot);
                            slot += 4;
                        }
                    }
                }
            }
        }
        return new Samples(pixels, weights, perBin);
    }

    /** torchvision's {@code bilinear_interpolate}: four (pixel, weight) pairs at {@code slot}. */
    private static void bilinear(
            float y,
            float x,
            int height,
            int width,
            int base,
            float scale,
            long[] pixels,
            float[] weights,
            int slot) {
        if (y < -1f || y > height || x < -1f || x > width) {
            for (int q = 0; q < 4; q++) {
                pixels[slot + q] = base;
            }
            return;
        }
        y = Math.max(y, 0f);
        x = Math.max(x, 0f);
        int yLow = (int) y;
        int xLow = (int) x;
        int yHigh;
        int xHigh;
        if (yLow >= height - 1) {
            yHigh = yLow = height - 1;
            y = yLow;
        } else {
            yHigh = yLow + 1;
        }
        if (xLow >= width - 1) {
            xHigh = xLow = width - 1;
            x = xLow;
        } else {
            xHigh = xLow + 1;
        }
        float ly = y - yLow;
        float lx = x - xLow;
        float hy = 1f - ly;
        float hx = 1f - lx;
        pixels[slot] = base + yLow * width + xLow;
        pixels[slot + 1] = base + yLow * width + xHigh;
        pixels[slot + 2] = base + yHigh * width + xLow;
        pixels[slot + 3] = base + yHigh * width + xHigh;
        weights[slot] = hy * hx * scale;
        weights[slot + 1] = hy * lx * scale;
        weights[slot + 2] = ly * hx * scale;
        weights[slot + 3] = ly * lx * scale;
    }
}
