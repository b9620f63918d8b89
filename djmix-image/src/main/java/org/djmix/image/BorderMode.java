package org.djmix.image;

/**
 * How a filter reads outside the image, with SciPy's names (OpenCV's in brackets). For a row {@code
 * a b c d}:
 *
 * <ul>
 *   <li>{@link #NEAREST}: {@code a a | a b c d | d d} (BORDER_REPLICATE);
 *   <li>{@link #REFLECT}: {@code b a | a b c d | d c} (BORDER_REFLECT), half-sample symmetric;
 *   <li>{@link #MIRROR}: {@code c b | a b c d | c b} (BORDER_REFLECT_101), whole-sample symmetric;
 *   <li>{@link #CONSTANT}: zeros outside (BORDER_CONSTANT).
 * </ul>
 */
public enum BorderMode {
    /** Repeat the edge sample. */
    NEAREST,
    /** Mirror about the edge, repeating the edge sample. */
    REFLECT,
    /** Mirror about the edge sample, not repeating it. */
    MIRROR,
    /** Zeros outside. */
    CONSTANT;

    /**
     * Maps an index to the sample it reads.
     *
     * @param i any index
     * @param n the length of the row, &gt; 0
     * @return an index in [0, n), or -1 for a zero outside ({@link #CONSTANT})
     */
    public int index(int i, int n) {
        if (i >= 0 && i < n) {
            return i;
        }
        switch (this) {
            case NEAREST:
                return i < 0 ? 0 : n - 1;
            case REFLECT:
                {
                    int period = 2 * n;
                    int j = Math.floorMod(i, period);
                    return j < n ? j : period - 1 - j;
                }
            case MIRROR:
                {
                    if (n == 1) {
                        return 0;
                    }
                    int period = 2 * n - 2;
                    int j = Math.floorMod(i, period);
                    return j < n ? j : period - j;
                }
            default:
                return -1;
        }
    }
}
