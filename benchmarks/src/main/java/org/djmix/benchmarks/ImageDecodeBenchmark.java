package org.djmix.benchmarks;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import nu.pattern.OpenCV;
import org.djmix.image.BufferedImages;
import org.djmix.image.ByteImage;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decoding one ImageNet-size JPEG (500×375, quality 90, 4:2:0, photo-like content) into planar
 * 8-bit RGB, the loader's first step, on one thread: the JDK's ImageIO reader, TwelveMonkeys'
 * ImageIO JPEG reader (which adds CMYK/YCCK and lenient parsing), and OpenCV's {@code imdecode}
 * (libjpeg-turbo, from {@code org.openpnp:opencv}). The choice of decoder in {@code
 * org.djmix.image.ImageFiles} rests on these numbers (docs/benchmarks.md). Images/s = 1e6 / (µs per
 * op).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
public class ImageDecodeBenchmark {

    private static final int FILES = 16;

    /** The decoder: {@code jdk}, {@code twelvemonkeys} or {@code opencv}. */
    @Param({"jdk", "twelvemonkeys", "opencv"})
    public String decoder;

    private byte[][] files;
    private int next;

    /** Encodes the test files and loads the decoder. */
    @Setup
    public void encode() throws IOException {
        files = new byte[FILES][];
        for (int i = 0; i < FILES; i++) {
            files[i] = photoLikeJpeg(500, 375, i);
        }
        if (decoder.equals("opencv")) {
            OpenCV.loadLocally();
        }
        decode(files[0]);
    }

    /**
     * Decodes the next file.
     *
     * @return its planar RGB samples
     * @throws IOException if a file does not decode
     */
    @Benchmark
    public ByteImage decodeJpeg() throws IOException {
        next = (next + 1) % FILES;
        return decode(files[next]);
    }

    private ByteImage decode(byte[] file) throws IOException {
        return switch (decoder) {
            case "jdk" -> imageIo(file, "com.sun.imageio.plugins.jpeg.JPEGImageReader");
            case "twelvemonkeys" ->
                    imageIo(file, "com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReader");
            case "opencv" -> openCv(file);
            default -> throw new IllegalArgumentException("unknown decoder " + decoder);
        };
    }

    private static ByteImage imageIo(byte[] file, String readerClass) throws IOException {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("jpeg");
        while (readers.hasNext()) {
            ImageReader reader = readers.next();
            if (reader.getClass().getName().equals(readerClass)) {
                try (ImageInputStream in =
                        ImageIO.createImageInputStream(new ByteArrayInputStream(file))) {
                    reader.setInput(in, true, true);
                    return BufferedImages.toByteImage(reader.read(0), 3);
                } finally {
                    reader.dispose();
                }
            }
        }
        throw new IllegalStateException(readerClass + " is not registered");
    }

    private static ByteImage openCv(byte[] file) {
        Mat bgr = Imgcodecs.imdecode(new MatOfByte(file), Imgcodecs.IMREAD_COLOR);
        int h = bgr.rows();
        int w = bgr.cols();
        byte[] interleaved = new byte[h * w * 3];
        bgr.get(0, 0, interleaved);
        bgr.release();
        int plane = h * w;
        byte[] planar = new byte[3 * plane];
        for (int p = 0; p < plane; p++) {
            planar[2 * plane + p] = interleaved[3 * p];
            planar[plane + p] = interleaved[3 * p + 1];
            planar[p] = interleaved[3 * p + 2];
        }
        return ByteImage.wrap(3, h, w, planar);
    }

    /** Smooth gradients, soft shapes and sensor-like noise, encoded as ImageIO's JPEG (q 90). */
    static byte[] photoLikeJpeg(int width, int height, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(
                new java.awt.GradientPaint(
                        0, 0, randomColour(random), width, height, randomColour(random)));
        g.fillRect(0, 0, width, height);
        for (int s = 0; s < 25; s++) {
            g.setColor(randomColour(random));
            int w = 20 + random.nextInt(width / 3);
            int h = 20 + random.nextInt(height / 3);
            g.fillOval(random.nextInt(width), random.nextInt(height), w, h);
        }
        g.dispose();
        byte[] data = ((java.awt.image.DataBufferByte) image.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < data.length; i++) {
            int v = (data[i] & 0xFF) + (int) Math.round(6 * random.nextGaussian());
            data[i] = (byte) Math.max(0, Math.min(255, v));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        javax.imageio.ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        javax.imageio.ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(javax.imageio.ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.9f);
        try (javax.imageio.stream.ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new javax.imageio.IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private static Color randomColour(SplittableRandom random) {
        return new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256));
    }
}
