package org.djmix.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * NumPy's {@code .npz} archive: a zip file of {@code .npy} arrays, one entry {@code NAME.npy} per
 * array, stored or deflated ({@code numpy.savez} / {@code numpy.savez_compressed}). This is how a
 * PyTorch {@code state_dict} reaches djmix without Python in the product: {@code numpy.savez(f,
 * **{k: v.numpy() for k, v in model.state_dict().items()})}.
 */
public final class NpzFile {

    private NpzFile() {}

    /**
     * One array of an archive.
     *
     * @param name the array's name (the entry without {@code .npy})
     * @param dtype the element type without byte order: {@code f4}, {@code f8}, {@code i8}, …
     * @param shape the shape
     * @param data the elements in C order, little-endian
     */
    public record Array(String name, String dtype, long[] shape, byte[] data) {

        /**
         * Returns the number of elements.
         *
         * @return the product of the shape (1 for a scalar)
         */
        public long elements() {
            long n = 1;
            for (long d : shape) {
                n *= d;
            }
            return n;
        }

        /**
         * Returns the elements as floats (converting doubles and integers).
         *
         * @return the values in C order
         */
        public float[] toFloats() {
            ByteBuffer buffer = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
            float[] out = new float[Math.toIntExact(elements())];
            boolean unsigned = dtype.startsWith("u");
            for (int i = 0; i < out.length; i++) {
                out[i] =
                        switch (dtype) {
                            case "f4" -> buffer.getFloat();
                            case "f8" -> (float) buffer.getDouble();
                            case "i8", "u8" -> buffer.getLong();
                            case "i4" -> buffer.getInt();
                            case "u4" -> buffer.getInt() & 0xFFFFFFFFL;
                            case "i2" -> buffer.getShort();
                            case "u2" -> buffer.getShort() & 0xFFFF;
                            default -> unsigned ? buffer.get() & 0xFF : buffer.get();
                        };
            }
            return out;
        }
    }

    /**
     * Reads every array of an archive.
     *
     * @param file the {@code .npz} file
     * @return the arrays by name, in the archive's order
     * @throws IOException naming the file (and the entry) if it is not a zip of supported arrays
     */
    public static Map<String, Array> read(Path file) throws IOException {
        Map<String, Array> arrays = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String entryName = entry.getName();
                if (entry.isDirectory() || !entryName.endsWith(".npy")) {
                    throw new IOException(
                            file
                                    + " holds '"
                                    + entryName
                                    + "'; an .npz archive holds only NAME.npy arrays");
                }
                String name = entryName.substring(0, entryName.length() - ".npy".length());
                arrays.put(name, readEntry(zip, entry, file, name));
            }
        } catch (ZipException e) {
            throw new IOException(file + " is not an .npz (zip) archive: " + e.getMessage(), e);
        }
        if (arrays.isEmpty()) {
            throw new IOException(file + " holds no arrays");
        }
        return Collections.unmodifiableMap(arrays);
    }

    private static Array readEntry(ZipFile zip, ZipEntry entry, Path file, String name)
            throws IOException {
        String where = file + "[" + name + "]";
        try (InputStream in = zip.getInputStream(entry)) {
            NpyFile.Header header = NpyFile.readHeader(in, file, where);
            if (header.dtype().startsWith("f") && header.itemSize() < 4) {
                throw new IOException(
                        where + " holds " + header.dtype() + "; supported floats: f4 and f8");
            }
            long bytes = header.elements() * header.itemSize();
            byte[] data = in.readNBytes(Math.toIntExact(bytes));
            if (data.length < bytes) {
                throw new IOException(
                        where
                                + " is truncated: shape "
                                + header.shapeText()
                                + " needs "
                                + bytes
                                + " data bytes, the entry has "
                                + data.length);
            }
            return new Array(name, header.dtype(), header.shape(), data);
        }
    }
}
