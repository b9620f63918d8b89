package org.djmix.corruptions;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.plugins.jpeg.JPEGQTable;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.djmix.image.ByteImage;
import org.w3c.dom.Node;

/**
 * JPEG at a libjpeg quality through the JDK's codec. PIL (and so the reference) asks libjpeg for
 * quality q, which scales the standard tables of the JPEG specification (Annex K) by \(5000/q\)
 * below 50 and \(200 - 2q\) from 50 up: \(\lfloor (t\,s + 50)/100 \rfloor\) clamped to [1, 255].
 * The JDK maps its quality setting to other tables, so this class writes libjpeg's tables into the
 * image metadata instead. Colour images use the JDK's default YCbCr 4:2:0, as PIL does.
 */
final class LibjpegCodec {

    private static final String FORMAT = "javax_imageio_jpeg_image_1.0";

    private LibjpegCodec() {}

    /**
     * Returns libjpeg's quantisation table at a quality ({@code jpeg_set_quality} with {@code
     * force_baseline}).
     *
     * @param quality 1..100
     * @param chrominance the chrominance table, else the luminance one
     * @return 64 values in natural (row-major) order
     */
    static int[] table(int quality, boolean chrominance) {
        int q = Math.max(1, Math.min(100, quality));
        int scale = q < 50 ? 5000 / q : 200 - 2 * q;
        int[] base = (chrominance ? JPEGQTable.K2Chrominance : JPEGQTable.K1Luminance).getTable();
        int[] out = new int[64];
        for (int i = 0; i < 64; i++) {
            long value = ((long) base[i] * scale + 50) / 100;
            out[i] = (int) Math.max(1, Math.min(255, value));
        }
        return out;
    }

    /**
     * Encodes at a libjpeg quality.
     *
     * @param image 1 or 3 channels
     * @param quality 1..100
     * @return the JPEG file's bytes
     */
    static byte[] encode(ByteImage image, int quality) {
        BufferedImage buffered = toBuffered(image);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try {
            IIOMetadata metadata =
                    writer.getDefaultImageMetadata(
                            ImageTypeSpecifier.createFromRenderedImage(buffered), null);
            Node tree = metadata.getAsTree(FORMAT);
            setTables(tree, quality);
            metadata.setFromTree(FORMAT, tree);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
                writer.setOutput(out);
                writer.write(null, new IIOImage(buffered, null, metadata), null);
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("JPEG encoding failed: " + e.getMessage(), e);
        } finally {
            writer.dispose();
        }
    }

    /**
     * Decodes a JPEG file with the JDK's codec.
     *
     * @param jpeg the file's bytes
     * @param channels 1 or 3
     * @return the image
     */
    static ByteImage decode(byte[] jpeg, int channels) {
        ImageReader reader = ImageIO.getImageReadersByFormatName("jpeg").next();
        try (MemoryCacheImageInputStream in =
                new MemoryCacheImageInputStream(new ByteArrayInputStream(jpeg))) {
            reader.setInput(in);
            return fromBuffered(reader.read(0), channels);
        } catch (IOException e) {
            throw new UncheckedIOException("JPEG decoding failed: " + e.getMessage(), e);
        } finally {
            reader.dispose();
        }
    }

    /** Encodes at a quality and decodes again (the jpeg_compression corruption). */
    static ByteImage roundTrip(ByteImage image, int quality) {
        return decode(encode(image, quality), image.channels());
    }

    private static void setTables(Node node, int quality) {
        if ("dqtable".equals(node.getNodeName())) {
            IIOMetadataNode table = (IIOMetadataNode) node;
            int id = Integer.parseInt(table.getAttribute("qtableId"));
            table.setUserObject(new JPEGQTable(table(quality, id != 0)));
        }
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            setTables(child, quality);
        }
    }

    private static BufferedImage toBuffered(ByteImage image) {
        int h = image.height();
        int w = image.width();
        int plane = h * w;
        byte[] in = image.array();
        if (image.channels() == 1) {
            BufferedImage grey = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
            byte[] data = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
            System.arraycopy(in, 0, data, 0, plane);
            return grey;
        }
        BufferedImage rgb = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        byte[] data = ((DataBufferByte) rgb.getRaster().getDataBuffer()).getData();
        for (int p = 0; p < plane; p++) {
            data[3 * p] = in[2 * plane + p];
            data[3 * p + 1] = in[plane + p];
            data[3 * p + 2] = in[p];
        }
        return rgb;
    }

    private static ByteImage fromBuffered(BufferedImage image, int channels) {
        int h = image.getHeight();
        int w = image.getWidth();
        int plane = h * w;
        byte[] out = new byte[channels * plane];
        if (channels == 1 && image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            byte[] data = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
            System.arraycopy(data, 0, out, 0, plane);
            return ByteImage.wrap(1, h, w, out);
        }
        if (channels == 3 && image.getType() == BufferedImage.TYPE_3BYTE_BGR) {
            byte[] data = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
            for (int p = 0; p < plane; p++) {
                out[2 * plane + p] = data[3 * p];
                out[plane + p] = data[3 * p + 1];
                out[p] = data[3 * p + 2];
            }
            return ByteImage.wrap(3, h, w, out);
        }
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        for (int p = 0; p < plane; p++) {
            if (channels == 1) {
                out[p] = (byte) argb[p];
            } else {
                out[p] = (byte) (argb[p] >> 16);
                out[plane + p] = (byte) (argb[p] >> 8);
                out[2 * plane + p] = (byte) argb[p];
            }
        }
        return ByteImage.wrap(channels, h, w, out);
    }
}
