package org.djmix.corruptions;

import org.djmix.image.ByteImage;
import org.djmix.image.DoubleImage;
import org.djmix.image.HsvColor;

/**
 * Brightness and saturate: one HSV channel becomes \(\mathrm{clip}(a\,v + b, 0, 1)\) (skimage's
 * conversions). A grey image has S = 0 and V = its value: brightness adds to it, saturate leaves
 * it.
 */
final class HsvAdjustment {

    private HsvAdjustment() {}

    /**
     * Adjusts one HSV channel.
     *
     * @param image the image
     * @param scale a
     * @param offset b
     * @param channel 1 (S) or 2 (V)
     * @return the adjusted image, truncated to 8 bits
     */
    static ByteImage apply(ByteImage image, double scale, double offset, int channel) {
        DoubleImage x = DoubleImage.fromBytes(image);
        if (image.channels() == 1) {
            if (channel == 2) {
                double[] v = x.array();
                for (int i = 0; i < v.length; i++) {
                    v[i] = Math.min(1, Math.max(0, v[i] * scale + offset));
                }
            }
            return x.toBytesTruncated();
        }
        DoubleImage hsv = HsvColor.rgbToHsv(x);
        double[] v = hsv.array();
        int plane = image.height() * image.width();
        for (int i = channel * plane; i < (channel + 1) * plane; i++) {
            v[i] = Math.min(1, Math.max(0, v[i] * scale + offset));
        }
        return HsvColor.hsvToRgb(hsv).toBytesTruncated();
    }
}
