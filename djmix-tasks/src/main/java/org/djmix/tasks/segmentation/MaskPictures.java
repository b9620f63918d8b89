package org.djmix.tasks.segmentation;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import org.djmix.image.ByteImage;

/**
 * Pictures of a predicted (or true) class mask: the mask itself as an 8-bit PNG in the VOC palette
 * (its pixels are the class indices, as VOC's own {@code SegmentationClass} files), and an overlay
 * that tints each non-background pixel of the image with its class colour, \(o = (1-a)\,x +
 * a\,\mathrm{colour}(\hat y)\).
 */
public final class MaskPictures {

    /** The share of the class colour in an overlay pixel. */
    public static final double OVERLAY_ALPHA = 0.5;

    private MaskPictures() {}

    /**
     * Draws a mask with the VOC palette.
     *
     * @param classes class indices 0..255, row-major
     * @param height H
     * @param width W
     * @return an indexed image whose raster holds the indices
     */
    public static BufferedImage mask(int[] classes, int height, int width) {
        check(classes, height, width);
        BufferedImage image =
                new BufferedImage(
                        width, height, BufferedImage.TYPE_BYTE_INDEXED, VocPalette.colorModel());
        byte[] raster = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        for (int p = 0; p < classes.length; p++) {
            raster[p] = (byte) classes[p];
        }
        return image;
    }

    /**
     * Tints an image with its mask; background (class 0) pixels stay as they are.
     *
     * @param image 3×H×W
     * @param classes class indices, row-major, H·W values
     * @return the overlay, RGB
     */
    public static BufferedImage overlay(ByteImage image, int[] classes) {
        int h = image.height();
        int w = image.width();
        check(classes, h, w);
        if (image.channels() != 3) {
            throw new IllegalArgumentException(
                    "an overlay needs an RGB image, got " + image.channels() + " channels");
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        byte[] pixels = image.array();
        int plane = h * w;
        for (int p = 0; p < plane; p++) {
            int[] colour = classes[p] == 0 ? null : VocPalette.colour(classes[p]);
            int rgb = 0;
            for (int c = 0; c < 3; c++) {
                int x = pixels[c * plane + p] & 0xFF;
                int v =
                        colour == null
                                ? x
                                : (int)
                                        Math.round(
                                                (1 - OVERLAY_ALPHA) * x
                                                        + OVERLAY_ALPHA * colour[c]);
                rgb = (rgb << 8) | v;
            }
            out.setRGB(p % w, p / w, rgb);
        }
        return out;
    }

    private static void check(int[] classes, int height, int width) {
        if (classes.length != height * width) {
            throw new IllegalArgumentException(
                    classes.length + " classes for a " + height + "x" + width + " image");
        }
    }
}
