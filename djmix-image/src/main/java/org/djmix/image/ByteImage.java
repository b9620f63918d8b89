package org.djmix.image;

import java.io.Serializable;
import java.util.Arrays;

/**
 * An 8-bit image held on the host, planar (channel, row, column), like PIL's modes {@code "L"} (one
 * channel) and {@code "RGB"} (three channels).
 *
 * <p>It is the common currency of the pure-Java image operations that must reproduce PIL's integer
 * semantics bit for bit (AugMix's ops) and of the conversions to and from the \([0,1]\) float
 * tensors that models see: \(v_{8} = \mathrm{round}(255 x)\) on the way in, \(x = v_{8}/255\) on
 * the way out. It is {@link Serializable}, so that Spark tasks can return images.
 */
public final class ByteImage implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int channels;
    private final int height;
    private final int width;
    private final byte[] data;

    private ByteImage(int channels, int height, int width, byte[] data) {
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.data = data;
    }

    /**
     * Creates a black image.
     *
     * @param channels 1 (grey) or 3 (RGB)
     * @param height the number of rows, &gt; 0
     * @param width the number of columns, &gt; 0
     * @return a new image with every sample 0
     */
    public static ByteImage zeros(int channels, int height, int width) {
        checkShape(channels, height, width);
        return new ByteImage(channels, height, width, new byte[channels * height * width]);
    }

    /**
     * Wraps unsigned samples given as ints in planar order.
     *
     * @param channels 1 or 3
     * @param height the number of rows
     * @param width the number of columns
     * @param samples {@code channels·height·width} values in [0, 255], channel-major
     * @return a new image holding a copy of the samples
     */
    public static ByteImage of(int channels, int height, int width, int... samples) {
        checkShape(channels, height, width);
        int size = channels * height * width;
        if (samples.length != size) {
            throw new IllegalArgumentException(
                    "samples must hold channels*height*width = "
                            + size
                            + " values, got "
                            + samples.length);
        }
        byte[] data = new byte[size];
        for (int i = 0; i < size; i++) {
            int v = samples[i];
            if (v < 0 || v > 255) {
                throw new IllegalArgumentException(
                        "samples[" + i + "] must be in [0, 255], got " + v);
            }
            data[i] = (byte) v;
        }
        return new ByteImage(channels, height, width, data);
    }

    /**
     * Quantises a planar float image in [0, 1] to 8 bits with \(\mathrm{round}(255 x)\) (values
     * outside [0, 1] are clipped), the inverse of {@link #toUnitFloats()} for 8-bit sources.
     *
     * @param channels 1 or 3
     * @param height the number of rows
     * @param width the number of columns
     * @param unit the samples, channel-major
     * @param offset where this image's samples start in {@code unit}
     * @return a new image
     */
    public static ByteImage fromUnitFloats(
            int channels, int height, int width, float[] unit, int offset) {
        checkShape(channels, height, width);
        int size = channels * height * width;
        if (offset < 0 || offset + size > unit.length) {
            throw new IllegalArgumentException(
                    "unit must hold "
                            + size
                            + " samples from offset "
                            + offset
                            + ", but has length "
                            + unit.length);
        }
        byte[] data = new byte[size];
        for (int i = 0; i < size; i++) {
            float v = unit[offset + i];
            if (Float.isNaN(v)) {
                throw new IllegalArgumentException("unit[" + (offset + i) + "] is NaN");
            }
            data[i] = (byte) Math.round(Math.min(1f, Math.max(0f, v)) * 255f);
        }
        return new ByteImage(channels, height, width, data);
    }

    /**
     * Returns the samples as floats \(v/255\) in [0, 1], planar, like torchvision's {@code
     * ToTensor}.
     *
     * @return a new array of {@code channels·height·width} values
     */
    public float[] toUnitFloats() {
        float[] out = new float[data.length];
        for (int i = 0; i < data.length; i++) {
            out[i] = (data[i] & 0xFF) / 255f;
        }
        return out;
    }

    /**
     * Returns the number of channels.
     *
     * @return 1 or 3
     */
    public int channels() {
        return channels;
    }

    /**
     * Returns the number of rows.
     *
     * @return the height in pixels
     */
    public int height() {
        return height;
    }

    /**
     * Returns the number of columns.
     *
     * @return the width in pixels
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
     * @return the sample in [0, 255]
     */
    public int get(int channel, int y, int x) {
        return data[(channel * height + y) * width + x] & 0xFF;
    }

    /**
     * Sets one sample.
     *
     * @param channel the channel
     * @param y the row
     * @param x the column
     * @param value the sample, in [0, 255]
     */
    public void set(int channel, int y, int x, int value) {
        data[(channel * height + y) * width + x] = (byte) value;
    }

    /**
     * Returns the samples as ints, planar.
     *
     * @return a new array of {@code channels·height·width} values in [0, 255]
     */
    public int[] samples() {
        int[] out = new int[data.length];
        for (int i = 0; i < data.length; i++) {
            out[i] = data[i] & 0xFF;
        }
        return out;
    }

    /**
     * Wraps planar samples without copying them (for fast loops over many images).
     *
     * @param channels 1 or 3
     * @param height the number of rows
     * @param width the number of columns
     * @param data {@code channels·height·width} unsigned samples, channel-major; now owned by the
     *     image
     * @return the image
     */
    public static ByteImage wrap(int channels, int height, int width, byte[] data) {
        checkShape(channels, height, width);
        if (data.length != channels * height * width) {
            throw new IllegalArgumentException(
                    "data must hold channels*height*width = "
                            + channels * height * width
                            + " bytes, got "
                            + data.length);
        }
        return new ByteImage(channels, height, width, data);
    }

    /**
     * Returns the backing array (planar, unsigned), not a copy: writes change the image.
     *
     * @return the samples
     */
    public byte[] array() {
        return data;
    }

    /**
     * Returns an image of the same shape with every sample 0.
     *
     * @return a new black image
     */
    public ByteImage blank() {
        return zeros(channels, height, width);
    }

    /**
     * Returns a deep copy.
     *
     * @return a new image with the same samples
     */
    public ByteImage copy() {
        return new ByteImage(channels, height, width, data.clone());
    }

    /**
     * Returns the mirror image about the vertical axis: \(out(c, y, x) = in(c, y, W - 1 - x)\).
     *
     * @return a new image
     */
    public ByteImage flippedHorizontally() {
        byte[] out = new byte[data.length];
        for (int row = 0; row < channels * height; row++) {
            int base = row * width;
            for (int x = 0; x < width; x++) {
                out[base + x] = data[base + width - 1 - x];
            }
        }
        return new ByteImage(channels, height, width, out);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ByteImage)) {
            return false;
        }
        ByteImage other = (ByteImage) o;
        return channels == other.channels
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
        return "ByteImage(" + channels + "x" + height + "x" + width + ")";
    }

    private static void checkShape(int channels, int height, int width) {
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("channels must be 1 or 3, got " + channels);
        }
        if (height <= 0 || width <= 0) {
            throw new IllegalArgumentException(
                    "height and width must be > 0, got " + height + "x" + width);
        }
    }
}
