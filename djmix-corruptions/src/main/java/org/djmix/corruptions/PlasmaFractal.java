package org.djmix.corruptions;

import java.util.random.RandomGenerator;

/**
 * Fog's height map: the reference's diamond–square plasma fractal on a power-of-two grid, with
 * random offsets \(w\,U(-w, w)\) (w = "wibble", 100 at the coarsest level, divided by the decay at
 * each finer one), normalised to [0, 1]. Grid indices wrap around, as NumPy's {@code roll} does.
 */
final class PlasmaFractal {

    private PlasmaFractal() {}

    /**
     * Draws a map.
     *
     * @param size a power of two
     * @param decay the wibble's decay per level
     * @param random the source of the offsets
     * @return size·size values in [0, 1], row-major
     */
    static double[] of(int size, double decay, RandomGenerator random) {
        if (size < 2 || Integer.bitCount(size) != 1) {
            throw new IllegalArgumentException("size must be a power of two >= 2, got " + size);
        }
        double[] map = new double[size * size];
        double wibble = 100;
        for (int step = size; step >= 2; step /= 2) {
            int half = step / 2;
            int cells = size / step;
            double[] squares = new double[cells * cells];
            for (int i = 0; i < cells; i++) {
                for (int j = 0; j < cells; j++) {
                    int i1 = (i + 1) % cells;
                    int j1 = (j + 1) % cells;
                    squares[i * cells + j] =
                            map[i * step * size + j * step]
                                    + map[i1 * step * size + j * step]
                                    + map[i * step * size + j1 * step]
                                    + map[i1 * step * size + j1 * step];
                }
            }
            for (int i = 0; i < cells; i++) {
                for (int j = 0; j < cells; j++) {
                    map[(i * step + half) * size + j * step + half] =
                            wibbled(squares[i * cells + j], wibble, random);
                }
            }
            double[] sums = new double[cells * cells];
            for (int i = 0; i < cells; i++) {
                for (int j = 0; j < cells; j++) {
                    int up = (i - 1 + cells) % cells;
                    int j1 = (j + 1) % cells;
                    sums[i * cells + j] =
                            map[(i * step + half) * size + j * step + half]
                                    + map[(up * step + half) * size + j * step + half]
                                    + map[i * step * size + j * step]
                                    + map[i * step * size + j1 * step];
                }
            }
            for (int i = 0; i < cells; i++) {
                for (int j = 0; j < cells; j++) {
                    map[i * step * size + j * step + half] =
                            wibbled(sums[i * cells + j], wibble, random);
                }
            }
            for (int i = 0; i < cells; i++) {
                for (int j = 0; j < cells; j++) {
                    int left = (j - 1 + cells) % cells;
                    int i1 = (i + 1) % cells;
                    sums[i * cells + j] =
                            map[(i * step + half) * size + j * step + half]
                                    + map[(i * step + half) * size + left * step + half]
                                    + map[i * step * size + j * step]
                                    + map[i1 * step * size + j * step];
                }
            }
            for (int i = 0; i < cells; i++) {
                for (int j = 0; j < cells; j++) {
                    map[(i * step + half) * size + j * step] =
                            wibbled(sums[i * cells + j], wibble, random);
                }
            }
            wibble /= decay;
        }
        double min = Double.POSITIVE_INFINITY;
        for (double v : map) {
            min = Math.min(min, v);
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < map.length; i++) {
            map[i] -= min;
            max = Math.max(max, map[i]);
        }
        for (int i = 0; i < map.length; i++) {
            map[i] /= max;
        }
        return map;
    }

    /** The reference's {@code wibbledmean}: a quarter of the sum plus \(w\,U(-w, w)\). */
    private static double wibbled(double sum, double wibble, RandomGenerator random) {
        return sum / 4 + wibble * Randoms.uniform(random, -wibble, wibble);
    }
}
