package org.djmix.corruptions;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
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
import org.djmix.image.BufferedImages;
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

    /** ImageIO's codecs are not thread-safe but are reusable: one of each per thread. */
    private static final ThreadLocal<ImageWriter> WRITER =
            ThreadLocal.withInitial(() -> ImageIO.getImageWritersByFormatName("jpeg").next());

    private static final ThreadLocal<ImageReader> READER =
            ThreadLocal.withInitial(() -> ImageIO.getImageReadersByFormatName("jpeg").next());

    private static final ThreadLocal<Map<String, Node>> TREES =
            ThreadLocal.withInitial(HashMap::new);

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
        BufferedImage buffered = BufferedImages.toBufferedImage(image);
        ImageWriter writer = WRITER.get();
        try {
            IIOMetadata metadata = metadata(writer, buffered, quality);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
                writer.setOutput(out);
                writer.write(null, new IIOImage(buffered, null, metadata), null);
            } finally {
                writer.reset();
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("JPEG encoding failed: " + e.getMessage(), e);
        }
    }

    /** The default metadata of an image type with libjpeg's tables at a quality (built once). */
    private static IIOMetadata metadata(ImageWriter writer, BufferedImage image, int quality)
            throws IOException {
        ImageTypeSpecifier type = ImageTypeSpecifier.createFromRenderedImage(image);
        IIOMetadata metadata = writer.getDefaultImageMetadata(type, null);
        Node tree =
                TREES.get()
                        .computeIfAbsent(
                                image.getType() + "@" + quality,
                                key -> {
                                    Node fresh = metadata.getAsTree(FORMAT);
                                    setTables(fresh, quality);
                                    return fresh;
                                });
        metadata.setFromTree(FORMAT, tree);
        return metadata;
    }

    /**
     * Decodes a JPEG file with the JDK's codec.
     *
     * @param jpeg the file's bytes
     * @param channels 1 or 3
     * @return the image
     */
    static ByteImage decode(byte[] jpeg, int channels) {
        ImageReader reader = READER.get();
        try (MemoryCacheImageInputStream in =
                new MemoryCacheImageInputStream(new ByteArrayInputStream(jpeg))) {
            reader.setInput(in);
            return BufferedImages.toByteImage(reader.read(0), channels);
        } catch (IOException e) {
            throw new UncheckedIOException("JPEG decoding failed: " + e.getMessage(), e);
        } finally {
            reader.reset();
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
}
