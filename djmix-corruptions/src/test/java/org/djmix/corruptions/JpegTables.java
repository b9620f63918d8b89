package org.djmix.corruptions;

/** Reads the DQT segments of a JPEG file: the tests' view of what an encoder wrote. */
final class JpegTables {

    private JpegTables() {}

    /** Returns tables 0 and 1 as stored (zig-zag order, 8-bit entries). */
    static int[][] read(byte[] jpeg) {
        int[][] tables = new int[4][];
        int i = 2;
        while (i + 4 <= jpeg.length) {
            int marker = jpeg[i + 1] & 0xFF;
            int length = ((jpeg[i + 2] & 0xFF) << 8) | (jpeg[i + 3] & 0xFF);
            if (marker == 0xDB) {
                int j = i + 4;
                while (j < i + 2 + length) {
                    int id = jpeg[j] & 0x0F;
                    tables[id] = new int[64];
                    for (int k = 0; k < 64; k++) {
                        tables[id][k] = jpeg[j + 1 + k] & 0xFF;
                    }
                    j += 65;
                }
            }
            if (marker == 0xDA) {
                break;
            }
            i += 2 + length;
        }
        return tables;
    }
}
