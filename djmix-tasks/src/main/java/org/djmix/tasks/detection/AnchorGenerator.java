package org.djmix.tasks.detection;

/**
 * Anchors over a feature pyramid, as torchvision's {@code AnchorGenerator}: at each level one size
 * (FPN: 32, 64, 128, 256, 512) and several aspect ratios r = h/w (0.5, 1, 2), centred on every
 * cell's top-left pixel. The base anchor of size s and ratio r is \((-w/2, -h/2, w/2, h/2)\)
 * rounded half to even, with \(h = s\sqrt r\), \(w = s/\sqrt r\); level l's anchors are these,
 * shifted by the level's stride (image size // grid size) over its grid, cells row by row and
 * ratios within a cell.
 *
 * @param sizes the anchor size of each level
 * @param ratios the aspect ratios, the same at every level
 */
public record AnchorGenerator(float[] sizes, float[] ratios) {

    /** torchvision's Faster R-CNN FPN anchors: sizes 32–512, ratios 0.5, 1, 2. */
    public static AnchorGenerator fpnDefault() {
        return new AnchorGenerator(new float[] {32, 64, 128, 256, 512}, new float[] {0.5f, 1f, 2f});
    }

    /**
     * Returns the anchors per cell.
     *
     * @return A = the number of ratios
     */
    public int anchorsPerCell() {
        return ratios.length;
    }

    /**
     * Returns one level's base anchors (centred on 0).
     *
     * @param level the pyramid level, 0 for the finest
     * @return 4 coordinates per ratio
     */
    public float[] baseAnchors(int level) {
        float[] base = new float[4 * ratios.length];
        for (int r = 0; r < ratios.length; r++) {
            float hRatio = (float) Math.sqrt(ratios[r]);
            float wRatio = 1f / hRatio;
            float w = wRatio * sizes[level];
            float h = hRatio * sizes[level];
            base[4 * r] = (float) Math.rint(-w / 2);
            base[4 * r + 1] = (float) Math.rint(-h / 2);
            base[4 * r + 2] = (float) Math.rint(w / 2);
            base[4 * r + 3] = (float) Math.rint(h / 2);
        }
        return base;
    }

    /**
     * Returns all anchors of one image over the pyramid.
     *
     * @param imageHeight the (padded) batch's height
     * @param imageWidth its width
     * @param gridHeights each level's feature height
     * @param gridWidths each level's feature width
     * @return 4 coordinates per anchor, level by level
     */
    public float[] anchors(int imageHeight, int imageWidth, int[] gridHeights, int[] gridWidths) {
        if (gridHeights.length != sizes.length || gridWidths.length != sizes.length) {
            throw new IllegalArgumentException(
                    sizes.length + " anchor sizes for " + gridHeights.length + " feature levels");
        }
        int total = 0;
        for (int l = 0; l < sizes.length; l++) {
            total += gridHeights[l] * gridWidths[l] * ratios.length;
        }
        float[] anchors = new float[4 * total];
        int k = 0;
        for (int l = 0; l < sizes.length; l++) {
            float[] base = baseAnchors(l);
            int strideY = imageHeight / gridHeights[l];
            int strideX = imageWidth / gridWidths[l];
            for (int y = 0; y < gridHeights[l]; y++) {
                for (int x = 0; x < gridWidths[l]; x++) {
                    for (int r = 0; r < ratios.length; r++) {
                        anchors[k++] = x * strideX + base[4 * r];
                        anchors[k++] = y * strideY + base[4 * r + 1];
                        anchors[k++] = x * strideX + base[4 * r + 2];
                        anchors[k++] = y * strideY + base[4 * r + 3];
                    }
                }
            }
        }
        return anchors;
    }
}
