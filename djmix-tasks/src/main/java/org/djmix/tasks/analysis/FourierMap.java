package org.djmix.tasks.analysis;

/**
 * A Fourier heat map: the error under the perturbation of each centred frequency, row frequency
 * \(i\) = {@code minRow + r}, column frequency \(j\) = {@code minColumn + c}, zero in the middle.
 *
 * @param minRow the row frequency of row 0
 * @param minColumn the column frequency of column 0
 * @param errors [row][column] error in [0, 1], NaN where not sampled
 * @param epsilon the perturbation's L2 norm per channel
 */
public record FourierMap(int minRow, int minColumn, double[][] errors, float epsilon) {

    /**
     * Returns the mean error over the outer (high-frequency) half of the map: the frequencies
     * outside the central square of half the map's side, \(\max(|i|/(H/2), |j|/(W/2)) \ge 1/2\).
     *
     * @return the mean over the sampled cells there
     */
    public double highFrequencyMeanError() {
        int height = errors.length;
        int width = errors[0].length;
        double sum = 0;
        int count = 0;
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                double radius =
                        Math.max(
                                Math.abs(minRow + r) / (height / 2.0),
                                Math.abs(minColumn + c) / (width / 2.0));
                if (radius >= 0.5 && !Double.isNaN(errors[r][c])) {
                    sum += errors[r][c];
                    count++;
                }
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }
}
