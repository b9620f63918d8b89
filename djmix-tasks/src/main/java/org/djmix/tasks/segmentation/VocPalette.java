package org.djmix.tasks.segmentation;

import java.awt.image.IndexColorModel;

/**
 * PASCAL VOC's colour map: entry \(i\) spreads the bits of \(i\) over the high bits of red, green
 * and blue (bit 0 of each octal digit to red, 1 to green, 2 to blue, most significant first), so 0
 * is black, 1 dark red, 15 (person) pink, and 255 (ignore) a light beige. VOC's class PNGs carry
 * this palette; their pixels are the class indices.
 */
public final class VocPalette {

    private VocPalette() {}

    /**
     * Returns the colour of a class.
     *
     * @param index 0..255
     * @return {r, g, b}
     */
    public static int[] colour(int index) {
        int r = 0;
        int g = 0;
        int b = 0;
        int c = index;
        for (int j = 0; j < 8; j++) {
            r |= (c & 1) << (7 - j);
            g |= ((c >> 1) & 1) << (7 - j);
            b |= ((c >> 2) & 1) << (7 - j);
            c >>= 3;
        }
        return new int[] {r, g, b};
    }

    /**
     * Returns the palette as a colour model for 8-bit indexed images.
     *
     * @return 256 entries
     */
    public static IndexColorModel colorModel() {
        byte[][] channels = new byte[3][256];
        for (int i = 0; i < 256; i++) {
            int[] rgb = colour(i);
            for (int c = 0; c < 3; c++) {
                channels[c][i] = (byte) rgb[c];
            }
        }
        return new IndexColorModel(8, 256, channels[0], channels[1], channels[2]);
    }
}
