package org.djmix.tasks.analysis;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.util.ProgressBar;
import java.util.SplittableRandom;
import org.djmix.corruptions.LabelledImages;
import org.djmix.image.ByteImage;
import org.djmix.tasks.eval.ImageClassifier;

/**
 * A classifier's Fourier sensitivity (Yin et al. 2019): for each basis image \(U_{i,j}\) of the
 * input size ({@link FourierBasis}), each test image is perturbed as \(\tilde x_c =
 * \mathrm{clip}(x_c + r_c\,\varepsilon\,U_{i,j}, 0, 1)\) with a random sign \(r_c \in \{-1, 1\}\)
 * per channel, and the error on the perturbed set is the heat map's value at \((i, j)\) (zero
 * frequency in the middle). A perturbation has L2 norm \(\varepsilon\) per channel before clipping.
 * Conjugate frequencies share one basis image, so one of each pair is measured and the map mirrors
 * it; {@code stride} samples every s-th frequency of large inputs. The images are held on the
 * classifier's device and perturbed there, a batch at a time. The signs are drawn from (seed,
 * frequency), so a map is reproducible.
 */
public final class FourierSensitivity {

    private final float epsilon;
    private final int stride;
    private final long seed;
    private final int batchSize;

    private FourierSensitivity(Builder builder) {
        this.epsilon = builder.epsilon;
        this.stride = builder.stride;
        this.seed = builder.seed;
        this.batchSize = builder.batchSize;
    }

    /**
     * Starts the settings: by default \(\varepsilon = 4\), every frequency, seed 0, batches of 256.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** The images as (N, C, H, W) floats in [0, 1]. */
    private static NDArray pixels(
            LabelledImages images, int channels, int height, int width, NDManager manager) {
        int size = channels * height * width;
        float[] pixels = new float[images.size() * size];
        for (int k = 0; k < images.size(); k++) {
            ByteImage image = images.image(k);
            if (image.channels() != channels
                    || image.height() != height
                    || image.width() != width) {
                throw new IllegalArgumentException(
                        "the model takes images of "
                                + channels
                                + "x"
                                + height
                                + "x"
                                + width
                                + ", image "
                                + k
                                + " is "
                                + image.channels()
                                + "x"
                                + image.height()
                                + "x"
                                + image.width());
            }
            byte[] bytes = image.array();
            for (int p = 0; p < size; p++) {
                pixels[k * size + p] = (bytes[p] & 0xFF) / 255f;
            }
        }
        return manager.create(pixels, new Shape(images.size(), channels, height, width));
    }

    /**
     * Measures the error map.
     *
     * @param classifier the model
     * @param images the test images, of the model's shape
     * @param manager where the images go (the classifier's device)
     * @return the map: error per centred frequency, NaN where not sampled
     */
    public FourierMap measure(
            ImageClassifier classifier, LabelledImages images, NDManager manager) {
        Shape shape = classifier.getImageShape();
        int channels = (int) shape.get(0);
        int height = (int) shape.get(1);
        int width = (int) shape.get(2);
        FourierBasis basis = new FourierBasis(height, width);
        double[][] errors = new double[height][width];
        for (double[] row : errors) {
            java.util.Arrays.fill(row, Double.NaN);
        }
        int n = images.size();
        int[] labels = new int[n];
        for (int k = 0; k < n; k++) {
            labels[k] = images.label(k);
        }
        int total = 0;
        for (int i = basis.minRow(); i < basis.minRow() + height; i += stride) {
            for (int j = basis.minColumn(); j < basis.minColumn() + width; j += stride) {
                total += basis.isRepresentative(i, j) ? 1 : 0;
            }
        }
        ProgressBar progress = new ProgressBar("Fourier heat map", total);
        int done = 0;
        try (NDManager held = manager.newSubManager()) {
            NDArray clean = pixels(images, channels, height, width, held);
            for (int i = basis.minRow(); i < basis.minRow() + height; i += stride) {
                for (int j = basis.minColumn(); j < basis.minColumn() + width; j += stride) {
                    if (!basis.isRepresentative(i, j)) {
                        continue;
                    }
                    int wrong = 0;
                    for (int from = 0; from < n; from += batchSize) {
                        int count = Math.min(batchSize, n - from);
                        try (NDManager batch = held.newSubManager()) {
                            // results land on their input's manager: the slice's, this batch's
                            NDArray x = clean.get(from + ":" + (from + count));
                            x.attach(batch);
                            NDArray perturbed =
                                    x.add(perturbation(batch, basis, i, j, from, count, channels))
                                            .clip(0f, 1f);
                            long[] predicted = classifier.predict(perturbed);
                            for (int k = 0; k < count; k++) {
                                wrong += predicted[k] != labels[from + k] ? 1 : 0;
                            }
                        }
                    }
                    int[] c = basis.conjugate(i, j);
                    double error = (double) wrong / n;
                    errors[i - basis.minRow()][j - basis.minColumn()] = error;
                    errors[c[0] - basis.minRow()][c[1] - basis.minColumn()] = error;
                    progress.update(++done);
                }
            }
        }
        progress.end();
        return new FourierMap(basis.minRow(), basis.minColumn(), errors, epsilon);
    }

    /**
     * The perturbations \(r_c\,\varepsilon\,U_{i,j}\) of images {@code from..from+count-1}.
     *
     * @param manager where the array goes
     * @param basis the basis
     * @param i the row frequency
     * @param j the column frequency
     * @param from the first image's index (the signs are the image's, whatever the batch)
     * @param count the number of images
     * @param channels C
     * @return (count, C, H, W)
     */
    NDArray perturbation(
            NDManager manager,
            FourierBasis basis,
            int i,
            int j,
            int from,
            int count,
            int channels) {
        float[] signs = new float[count * channels];
        for (int k = 0; k < count; k++) {
            SplittableRandom random =
                    new SplittableRandom(((seed * 31 + i) * 31 + j) * 1_000_003L + from + k);
            for (int c = 0; c < channels; c++) {
                signs[k * channels + c] = random.nextBoolean() ? epsilon : -epsilon;
            }
        }
        NDArray u =
                manager.create(basis.image(i, j), new Shape(1, 1, basis.height(), basis.width()));
        NDArray r = manager.create(signs, new Shape(count, channels, 1, 1));
        return r.mul(u);
    }

    /** The settings of a {@link FourierSensitivity}. */
    public static final class Builder {

        private float epsilon = 4f;
        private int stride = 1;
        private long seed;
        private int batchSize = 256;

        private Builder() {}

        /**
         * Sets the perturbation's L2 norm per channel.
         *
         * @param epsilon \(\varepsilon &gt;= 0\) (4 in Yin et al.)
         * @return this builder
         */
        public Builder optEpsilon(float epsilon) {
            if (!(epsilon >= 0)) {
                throw new IllegalArgumentException("epsilon must be >= 0, got " + epsilon);
            }
            this.epsilon = epsilon;
            return this;
        }

        /**
         * Samples every s-th frequency in each direction (for large inputs).
         *
         * @param stride s &gt;= 1
         * @return this builder
         */
        public Builder optStride(int stride) {
            if (stride < 1) {
                throw new IllegalArgumentException("the stride must be >= 1, got " + stride);
            }
            this.stride = stride;
            return this;
        }

        /**
         * Sets the seed of the random signs.
         *
         * @param seed the seed
         * @return this builder
         */
        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Sets the images per forward pass.
         *
         * @param batchSize &gt;= 1
         * @return this builder
         */
        public Builder optBatchSize(int batchSize) {
            if (batchSize < 1) {
                throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
            }
            this.batchSize = batchSize;
            return this;
        }

        /**
         * Builds the measurement.
         *
         * @return it
         */
        public FourierSensitivity build() {
            return new FourierSensitivity(this);
        }
    }
}
