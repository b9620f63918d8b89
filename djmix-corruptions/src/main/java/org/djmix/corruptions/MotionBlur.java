package org.djmix.corruptions;

import org.djmix.image.DoubleImage;

/**
 * Blur along a line (ImageMagick's {@code -motion-blur} as the reference uses it, in the NumPy form
 * of the {@code imagecorruptions} package): \(2r+1\) copies of the image, the i-th shifted by i
 * pixels along the angle (rounded, edges replicated), weighted by a one-sided Gaussian
 * \(e^{-i^2/2\sigma^2}\) normalised to sum 1; copies that would leave the image are dropped.
 */
final class MotionBlur {

    private MotionBlur() {}

    /**
     * Blurs every channel.
     *
     * @param image the image
     * @param radius r: the kernel has 2r+1 taps
     * @param sigma the Gaussian's \(\sigma\)
     * @param angleDegrees the direction, in degrees
     * @return a new image
     */
    static DoubleImage blur(DoubleImage image, double radius, double sigma, double angleDegrees) {
        int width = (int) (radius * 2 + 1);
        double[] kernel = new double[width];
        double total = 0;
        for (int i = 0; i < width; i++) {
            kernel[i] =
                    Math.exp(-(double) i * i / (2 * sigma * sigma))
                            / (Math.sqrt(2 * Math.PI) * sigma);
            total += kernel[i];
        }
        double pointY = width * Math.sin(Math.toRadians(angleDegrees));
        double pointX = width * Math.cos(Math.toRadians(angleDegrees));
        double hypot = Math.hypot(pointY, pointX);
        int h = image.height();
        int w = image.width();
        double[] in = image.array();
        DoubleImage result = image.blank();
        double[] out = result.array();
        for (int i = 0; i < width; i++) {
            int dy = (int) -Math.ceil(i * pointY / hypot - 0.5);
            int dx = (int) -Math.ceil(i * pointX / hypot - 0.5);
            if (Math.abs(dy) >= h || Math.abs(dx) >= w) {
                break;
            }
            double weight = kernel[i] / total;
            for (int c = 0; c < image.channels(); c++) {
                int plane = c * h * w;
                for (int y = 0; y < h; y++) {
                    int sy = Math.min(h - 1, Math.max(0, y - dy));
                    int row = plane + sy * w;
                    int outRow = plane + y * w;
                    for (int x = 0; x < w; x++) {
                        int sx = Math.min(w - 1, Math.max(0, x - dx));
                        out[outRow + x] += weight * in[row + sx];
                    }
                }
            }
        }
        return result;
    }
}
