package org.djmix.image;

import java.util.Arrays;

/**
 * A planar (channel, row, column) image of double samples, usually in [0, 1]: the working type of
 * the corruptions, which the reference computes in NumPy's float64. Conversions to 8 bits either
 * truncate, as {@code np.uint8(np.clip(x, 0, 1) * 255)} does, or round.
 */
public final class DoubleImage {

    private final int channels;
    private final int height;
    private final int width;
    private final double[] data;

    private DoubleImage(int channels, int height, int width, double[] data) {
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.data = data;
    }

    /**
     * Creates an image of zeros.
     *
     * @param channels &gt; 0
     * @param height &gt; 0
     * @param width &gt; 0
     * @return the image
     */
    public static DoubleImage zeros(int channels, int height, int width) {
        if (channels <= 0 || height <= 0 || width <= 0) {
            throw new IllegalArgumentException(
                    "channels, height and width must be > 0, got "
                            + channels
                            + "x"
                            + height
                            + "x"
                            + width);
        }
        return new DoubleImage(channels, height, width, new double[channels * height * width]);
    }

    /**
     * Wraps planar samples without copying them.
     *
     * @param channels &gt; 0
     * @param height &gt; 0
     * @param width &gt; 0
     * @param data {@code channels·height·width} samples, channel-major
     * @return the image
     */
    public static DoubleImage wrap(int channels, int height, int width, double[] data) {
        zeros(channels, 1, 1);
        if (height <= 0 || width <= 0 || data.length != channels * height * width) {
            throw new IllegalArgumentException(
                    "data must hold channels*height*width = "
                            + channels * height * width
                            + " samples, got "
                            + data.length);
        }
        return new DoubleImage(channels, height, width, data);
    }

    /**
     * Converts 8-bit samples to \(v/255\).
     *
     * @param image the 8-bit image
     * @return a new image in [0, 1]
     */
    public static DoubleImage fromBytes(ByteImage image) {
        byte[] bytes = image.array();
        double[] out = new double[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = (bytes[i] & 0xFF) / 255.0;
        }
        return new DoubleImage(image.channels(), image.height(), image.width(), out);
    }

    /**
     * Converts to 8 bits by truncation, \(\lfloor 255\,\mathrm{clip}(x, 0, 1)\rfloor\), as the
     * corruption references do (0.999 becomes 254, not 255).
     *
     * @return a new 8-bit image (1 or 3 channels)
     */
    public ByteImage toBytesTruncated() {
        byte[] out = new byte[data.length];
        for (int i = 0; i < data.length; i++) {
            double v = data[i];
            out[i] = (byte) (int) ((v < 0 ? 0 : v > 1 ? 1 : v) * 255);
        }
        return ByteImage.wrap(channels, height, width, out);
    }

    /**
     * Converts to 8 bits by rounding, \(\mathrm{round}(255\,\mathrm{clip}(x, 0, 1))\).
     *
     * @return a new 8-bit image (1 or 3 channels)
     */
    public ByteImage toBytesRounded() {
        byte[] out = new byte[data.length];
        for (int i = 0; i < data.length; i++) {
            double v = data[i];
            out[i] = (byte) Math.round((v < 0 ? 0 : v > 1 ? 1 : v) * 255);
        }
        return ByteImage.wrap(channels, height, width, out);
    }

    /**
     * Returns the backing array (planar), not a copy: writes change the image.
     *
     * @return the samples
     */
    public double[] array() {
        return data;
    }

    /**
     * Returns the number of channels.
     *
     * @return the channels
     */
    public int channels() {
        return channels;
    }

    /**
     * Returns the number of rows.
     *
     * @return the height
     */
    public int height() {
        return height;
    }

    /**
     * Returns the number of columns.
     *
     * @return the width
     */
    public int width() {
        return width;
    }

    /**
     * Returns one sample.
     *
     * @param channel the channel
     * @param y the row
     * @param x the column
     * @return the value
     */
    public double get(int channel, int y, int x) {
        return data[(channel * height + y) * width + x];
    }

    /**
     * Sets one sample.
     *
     * @param channel the channel
     * @param y the row
     * @param x the column
     * @param value the value
     */
    public void set(int channel, int y, int x, double value) {
        data[(channel * height + y) * width + x] = value;
    }

    /**
     * Returns a new image of the same shape filled with zeros.
     *
     * @return the image
     */
    public DoubleImage blank() {
        return new DoubleImage(channels, height, width, new double[data.length]);
    }

    /**
     * Returns a deep copy.
     *
     * @return the copy
     */
    public DoubleImage copy() {
        return new DoubleImage(channels, height, width, data.clone());
    }

    /**
     * Clips every sample to [lo, hi] in place.
     *
     * @param lo the lower bound
     * @param hi the upper bound
     * @return this image
     */
    public DoubleImage clip(double lo, double hi) {
        for (int i = 0; i < data.length; i++) {
            data[i] = Math.min(hi, Math.max(lo, data[i]));
        }
        return this;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DoubleImage other
                && channels == other.channels
                && height == other.height
                && width == other.width
                && Arrays.equals(data, other.data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data) * 31 + (channels * 31 + height) * 31 + width;
    }

    @Override
    public String toString() {
        return "DoubleImage(" + channels + "x" + height + "x" + width + ")";
    }
}
