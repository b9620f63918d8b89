package org.djmix.image;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.djmix.io.AtomicFiles;

/**
 * Conversions between {@link ByteImage} and Java2D's {@link BufferedImage} (what {@code ImageIO}
 * reads and writes), and image files read as 8-bit RGB or grey.
 */
public final class BufferedImages {

    /** The file extensions {@link #isImageFile} accepts (lower case). */
    public static final Set<String> EXTENSIONS = Set.of("png", "jpg", "jpeg", "bmp", "gif");

    /**
     * The decoder warnings that mean pixels are missing (libjpeg's "Premature end of JPEG file");
     * others (extraneous bytes, a CMYK file without a colour profile) leave a whole image, as PIL
     * does.
     */
    private static final Pattern TRUNCATED =
            Pattern.compile("premature end|truncat", Pattern.CASE_INSENSITIVE);

    private BufferedImages() {}

    /**
     * Says whether a file's name has one of the image {@link #EXTENSIONS} (any case).
     *
     * @param file the file
     * @return true for PNG, JPEG, BMP or GIF names
     */
    public static boolean isImageFile(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /**
     * Lists the image files under a folder, at any depth, in sorted path order.
     *
     * @param folder the folder
     * @return the files whose names have an image extension
     * @throws IOException if the folder cannot be walked
     */
    public static List<Path> imageFiles(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile)
                    .filter(BufferedImages::isImageFile)
                    .sorted()
                    .toList();
        }
    }

    /**
     * Writes an image as PNG, atomically (temp file, then rename).
     *
     * @param image the image
     * @param file the PNG
     * @throws IOException naming the file if it cannot be written
     */
    public static void writePng(BufferedImage image, Path file) throws IOException {
        AtomicFiles.write(
                file,
                out -> {
                    if (!ImageIO.write(image, "png", out)) {
                        throw new IOException("no PNG writer available for " + file);
                    }
                });
    }

    /**
     * Reads an image file (PNG, JPEG, BMP, GIF; the format is found from the content, not the name)
     * as 8-bit RGB, as PIL's {@code Image.open(f).convert("RGB")} does: grey samples are repeated
     * in the three channels, alpha is dropped, palettes are looked up. CMYK and YCCK JPEGs need an
     * ImageIO plugin that reads them (djmix-tasks brings TwelveMonkeys'). A truncated JPEG, which
     * ImageIO would fill with grey after a warning, is refused.
     *
     * @param file the file
     * @return the image, 3 channels
     * @throws IOException naming the file if it cannot be read, is damaged or no decoder accepts it
     */
    public static ByteImage read(Path file) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                throw new IOException(file + " cannot be opened");
            }
            return decode(in, file.toString());
        } catch (IOException | RuntimeException e) {
            throw named(e, file.toString());
        }
    }

    /**
     * Decodes an image file's bytes (as {@link #read(Path)}; for files read through another file
     * system, such as Hadoop's).
     *
     * @param content the file's bytes
     * @param name the file's name, for the messages
     * @return the image, 3 channels
     * @throws IOException naming the file if it is damaged or no decoder accepts it
     */
    public static ByteImage read(byte[] content, String name) throws IOException {
        try (ImageInputStream in =
                ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
            return decode(in, name);
        } catch (IOException | RuntimeException e) {
            throw named(e, name);
        }
    }

    private static ByteImage decode(ImageInputStream in, String name) throws IOException {
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        if (!readers.hasNext()) {
            throw new IOException(name + " is not a readable image (no decoder accepts it)");
        }
        ImageReader reader = readers.next();
        List<String> warnings = new ArrayList<>();
        reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
        BufferedImage image;
        try {
            reader.setInput(in, true, true);
            image = reader.read(0);
        } finally {
            reader.dispose();
        }
        List<String> fatal = warnings.stream().filter(w -> TRUNCATED.matcher(w).find()).toList();
        if (!fatal.isEmpty()) {
            throw new IOException(name + " is damaged or truncated: " + String.join("; ", fatal));
        }
        return toByteImage(image, 3);
    }

    /** An error whose message starts with the file's name. */
    private static IOException named(Exception e, String name) {
        String message = String.valueOf(e.getMessage());
        if (message.startsWith(name)) {
            return e instanceof IOException io ? io : new IOException(message, e);
        }
        return new IOException(name + " is not a readable image: " + message, e);
    }

    /**
     * Converts to planar 8-bit samples.
     *
     * @param image any image
     * @param channels 1 (grey: the blue byte of grey sources, else the luma ImageIO gives) or 3
     * @return the image
     */
    public static ByteImage toByteImage(BufferedImage image, int channels) {
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
        if (channels == 3 && image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            // getRGB would map grey through a linear colour space; PIL repeats the sample
            byte[] data = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
            for (int c = 0; c < 3; c++) {
                System.arraycopy(data, 0, out, c * plane, plane);
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

    /**
     * Converts to a Java2D image: {@code TYPE_BYTE_GRAY} for 1 channel, {@code TYPE_3BYTE_BGR} for
     * 3.
     *
     * @param image the image
     * @return a new buffered image
     */
    public static BufferedImage toBufferedImage(ByteImage image) {
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
}
