package org.djmix.io;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * NumPy's {@code .npy} format (versions 1, 2 and 3): the magic {@code \x93NUMPY}, a version, a
 * little-endian header length (2 bytes in v1, 4 after), a Python-literal header {@code {'descr':
 * '|u1', 'fortran_order': False, 'shape': (N, …), }} padded to a multiple of 64 bytes, then the
 * data. This reads C-order little-endian (or byte) integer and float arrays and writes unsigned
 * bytes and 64-bit integers; anything else is refused with a message naming the file.
 */
public final class NpyFile {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private NpyFile() {}

    /**
     * A parsed header.
     *
     * @param file the file it came from
     * @param dtype the element type without byte order: {@code u1}, {@code i8}, {@code f4}, …
     * @param shape the array's shape
     * @param dataOffset where the data starts in the file
     */
    public record Header(Path file, String dtype, long[] shape, long dataOffset) {

        /**
         * Returns the number of elements.
         *
         * @return the product of the shape
         */
        public long elements() {
            long n = 1;
            for (long d : shape) {
                n *= d;
            }
            return n;
        }

        /**
         * Returns the bytes per element.
         *
         * @return 1, 2, 4 or 8
         */
        public int itemSize() {
            return Integer.parseInt(dtype.substring(1));
        }

        /**
         * Returns the shape as NumPy prints it.
         *
         * @return e.g. {@code (50000, 32, 32, 3)}
         */
        public String shapeText() {
            return tuple(shape);
        }
    }

    /**
     * Reads and checks a file's header.
     *
     * @param file the file
     * @return the header
     * @throws IOException naming the file if it is not a supported .npy file
     */
    public static Header readHeader(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return readHeader(in, file, file.toString());
        }
    }

    /**
     * Reads and checks a header from a stream positioned at the array's start (a file, or an entry
     * of an {@code .npz} archive).
     *
     * @param raw the stream; left positioned at the data
     * @param file the file the header is recorded with
     * @param where what error messages call the array (the file, or the archive and entry)
     * @return the header; its data offset counts from the array's start
     * @throws IOException naming {@code where} if it is not a supported array
     */
    static Header readHeader(InputStream raw, Path file, String where) throws IOException {
        try {
            DataInputStream in = new DataInputStream(raw);
            byte[] magic = new byte[6];
            in.readFully(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new IOException(where + " is not a .npy file (no \\x93NUMPY magic)");
            }
            int major = in.readUnsignedByte();
            in.readUnsignedByte();
            long headerLength;
            long prefix;
            if (major == 1) {
                headerLength = Short.toUnsignedInt(Short.reverseBytes(in.readShort()));
                prefix = 10;
            } else if (major == 2 || major == 3) {
                headerLength = Integer.toUnsignedLong(Integer.reverseBytes(in.readInt()));
                prefix = 12;
            } else {
                throw new IOException(
                        where + " has .npy version " + major + "; supported: 1, 2 and 3");
            }
            byte[] text = new byte[Math.toIntExact(headerLength)];
            in.readFully(text);
            String header = new String(text, StandardCharsets.UTF_8);
            String descr = find(DESCR, header, where, "descr");
            String fortran = find(FORTRAN, header, where, "fortran_order");
            String shapeText = find(SHAPE, header, where, "shape");
            if (fortran.equals("True")) {
                throw new IOException(where + " is in Fortran order; only C order is supported");
            }
            String dtype = dtype(descr, where);
            return new Header(file, dtype, parseShape(shapeText, where), prefix + headerLength);
        } catch (EOFException e) {
            throw new IOException(where + " is truncated inside its .npy header", e);
        }
    }

    /**
     * Reads a whole unsigned-byte array.
     *
     * @param file the file
     * @param expectedDimensions the number of dimensions required (e.g. 4 for images)
     * @return the header and the bytes
     * @throws IOException naming the file if the dtype, the dimensions or the length is wrong
     */
    public static ByteArray readBytes(Path file, int expectedDimensions) throws IOException {
        Header header = readHeader(file);
        if (!header.dtype().equals("u1")) {
            throw new IOException(
                    file + " holds dtype " + header.dtype() + "; expected uint8 (u1)");
        }
        if (header.shape().length != expectedDimensions) {
            throw new IOException(
                    file
                            + " has shape "
                            + header.shapeText()
                            + "; expected "
                            + expectedDimensions
                            + " dimensions");
        }
        return new ByteArray(header, readData(header, header.elements()));
    }

    /**
     * Reads a 1-D integer array (any integer dtype).
     *
     * @param file the file
     * @return the values
     * @throws IOException naming the file if it is not a 1-D integer array or is truncated
     */
    public static long[] readIntegers(Path file) throws IOException {
        Header header = readHeader(file);
        if (header.shape().length != 1 || !"iu".contains(header.dtype().substring(0, 1))) {
            throw new IOException(
                    file
                            + " holds "
                            + header.dtype()
                            + " "
                            + header.shapeText()
                            + "; expected a 1-D integer array");
        }
        int size = header.itemSize();
        byte[] data = readData(header, header.elements() * size);
        ByteBuffer buffer = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        long[] out = new long[Math.toIntExact(header.elements())];
        boolean unsigned = header.dtype().startsWith("u");
        for (int i = 0; i < out.length; i++) {
            out[i] =
                    switch (size) {
                        case 1 -> unsigned ? buffer.get() & 0xFF : buffer.get();
                        case 2 -> unsigned ? buffer.getShort() & 0xFFFF : buffer.getShort();
                        case 4 -> unsigned ? buffer.getInt() & 0xFFFFFFFFL : buffer.getInt();
                        default -> buffer.getLong();
                    };
        }
        return out;
    }

    /**
     * An unsigned-byte array and its header.
     *
     * @param header the header
     * @param data the elements in C order
     */
    public record ByteArray(Header header, byte[] data) {}

    /**
     * Writes a version-1 header (version 2 if it does not fit).
     *
     * @param out the stream
     * @param descr the dtype with its byte order, e.g. {@code |u1} or {@code <i8}
     * @param shape the shape
     * @return the header's length in bytes (where the data starts)
     * @throws IOException if writing fails
     */
    public static long writeHeader(OutputStream out, String descr, long[] shape)
            throws IOException {
        String dict =
                "{'descr': '"
                        + descr
                        + "', 'fortran_order': False, 'shape': "
                        + tuple(shape)
                        + ", }";
        int version = dict.length() + 1 + 10 > 65535 ? 2 : 1;
        int prefix = version == 1 ? 10 : 12;
        int padded = ((prefix + dict.length() + 1 + 63) / 64) * 64;
        StringBuilder header = new StringBuilder(dict);
        while (prefix + header.length() + 1 < padded) {
            header.append(' ');
        }
        header.append('\n');
        byte[] text = header.toString().getBytes(StandardCharsets.US_ASCII);
        out.write(MAGIC);
        out.write(version);
        out.write(0);
        if (version == 1) {
            out.write(text.length & 0xFF);
            out.write(text.length >>> 8);
        } else {
            out.write(
                    ByteBuffer.allocate(4)
                            .order(ByteOrder.LITTLE_ENDIAN)
                            .putInt(text.length)
                            .array());
        }
        out.write(text);
        return prefix + text.length;
    }

    /**
     * Writes a whole unsigned-byte array atomically.
     *
     * @param file the file
     * @param shape the shape
     * @param data the elements in C order
     * @throws IOException if writing fails
     */
    public static void writeBytes(Path file, long[] shape, byte[] data) throws IOException {
        AtomicFiles.write(
                file,
                out -> {
                    writeHeader(out, "|u1", shape);
                    out.write(data);
                });
    }

    /**
     * Writes a 1-D int64 array atomically.
     *
     * @param file the file
     * @param values the values
     * @throws IOException if writing fails
     */
    public static void writeLongs(Path file, long[] values) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            buffer.putLong(v);
        }
        AtomicFiles.write(
                file,
                out -> {
                    writeHeader(out, "<i8", new long[] {values.length});
                    out.write(buffer.array());
                });
    }

    private static byte[] readData(Header header, long bytes) throws IOException {
        long available = Files.size(header.file()) - header.dataOffset();
        if (available < bytes) {
            throw new IOException(
                    header.file()
                            + " is truncated: shape "
                            + header.shapeText()
                            + " needs "
                            + bytes
                            + " data bytes, the file has "
                            + available);
        }
        try (InputStream in = Files.newInputStream(header.file())) {
            in.skipNBytes(header.dataOffset());
            return in.readNBytes(Math.toIntExact(bytes));
        }
    }

    private static String find(Pattern pattern, String header, String where, String key)
            throws IOException {
        Matcher m = pattern.matcher(header);
        if (!m.find()) {
            throw new IOException(
                    where + " has no '" + key + "' in its .npy header: " + header.trim());
        }
        return m.group(1);
    }

    private static String dtype(String descr, String file) throws IOException {
        if (descr.length() < 2) {
            throw new IOException(file + " has an unsupported dtype '" + descr + "'");
        }
        char order = descr.charAt(0);
        String type = "<>|=".indexOf(order) >= 0 ? descr.substring(1) : descr;
        if (order == '>' && !type.endsWith("1")) {
            throw new IOException(
                    file + " is big-endian ('" + descr + "'); only little-endian is supported");
        }
        if (!type.matches("[iuf][1248]")) {
            throw new IOException(
                    file
                            + " has dtype '"
                            + descr
                            + "'; supported: signed/unsigned integers and floats");
        }
        return type;
    }

    private static long[] parseShape(String text, String file) throws IOException {
        List<Long> dims = new ArrayList<>();
        for (String part : text.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            try {
                dims.add(Long.parseLong(p.endsWith("L") ? p.substring(0, p.length() - 1) : p));
            } catch (NumberFormatException e) {
                throw new IOException(file + " has an invalid shape (" + text + ")", e);
            }
        }
        return dims.stream().mapToLong(Long::longValue).toArray();
    }

    private static String tuple(long[] shape) {
        StringBuilder s = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            s.append(shape[i]);
            s.append(shape.length == 1 ? "," : i < shape.length - 1 ? ", " : "");
        }
        return s.append(')').toString();
    }
}
