package org.djmix.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The primitives against the libraries whose semantics they reproduce: expected values were written
 * by src/test/python/image_fixtures.py with scikit-image 0.19, SciPy 1.10, OpenCV 4.6 and Pillow
 * 9.4 (planar C×H×W).
 */
class LibrarySemanticsTest {

    private static final int H = 12;
    private static final int W = 10;
    private static JsonObject fixtures;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = LibrarySemanticsTest.class.getResourceAsStream("fixtures.json")) {
            fixtures =
                    JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                            .getAsJsonObject();
        }
    }

    /** The fixture script's test image: v = (37x + 91y + 53c + 7xy) mod 256. */
    static ByteImage testImage(int h, int w) {
        int[] samples = new int[3 * h * w];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    samples[(c * h + y) * w + x] = (x * 37 + y * 91 + c * 53 + x * y * 7) % 256;
                }
            }
        }
        return ByteImage.of(3, h, w, samples);
    }

    private static DoubleImage expected(String name) {
        JsonObject entry = fixtures.getAsJsonObject(name);
        var shape = entry.getAsJsonArray("shape");
        var values = entry.getAsJsonArray("values");
        double[] data = new double[values.size()];
        for (int i = 0; i < data.length; i++) {
            data[i] = values.get(i).getAsDouble();
        }
        return DoubleImage.wrap(
                shape.get(0).getAsInt(), shape.get(1).getAsInt(), shape.get(2).getAsInt(), data);
    }

    private static void assertClose(DoubleImage actual, DoubleImage expected, double tolerance) {
        assertThat(actual.channels()).isEqualTo(expected.channels());
        assertThat(actual.height()).isEqualTo(expected.height());
        assertThat(actual.width()).isEqualTo(expected.width());
        double[] a = actual.array();
        double[] e = expected.array();
        for (int i = 0; i < a.length; i++) {
            assertThat(a[i]).as("sample %d", i).isCloseTo(e[i], within(tolerance));
        }
    }

    private static DoubleImage channel0(DoubleImage image) {
        int plane = image.height() * image.width();
        return DoubleImage.wrap(
                1, image.height(), image.width(), java.util.Arrays.copyOf(image.array(), plane));
    }

    private final DoubleImage x = DoubleImage.fromBytes(testImage(H, W));

    @Test
    void gaussianMatchesSkimageAndScipy() {
        assertClose(
                GaussianFilter.blur(x, 0.7, 4, BorderMode.NEAREST),
                expected("gaussian_nearest_0.7"),
                1e-12);
        assertClose(
                GaussianFilter.blur(channel0(x), 1.5, 3, BorderMode.REFLECT),
                expected("gaussian_reflect_1.5_t3"),
                1e-12);
    }

    @Test
    void hsvMatchesSkimage() {
        DoubleImage hsv = HsvColor.rgbToHsv(x);
        assertClose(hsv, expected("rgb2hsv"), 1e-12);
        int plane = H * W;
        double[] v = hsv.array();
        for (int i = 0; i < plane; i++) {
            v[2 * plane + i] = Math.min(1, Math.max(0, v[2 * plane + i] + 0.1));
            v[plane + i] = Math.min(1, Math.max(0, v[plane + i] * 1.5));
        }
        assertClose(HsvColor.hsvToRgb(hsv), expected("hsv2rgb_v+0.1_s*1.5"), 1e-12);
    }

    @Test
    void zoomMatchesScipy() {
        assertClose(Zoom.zoom(x, 1.3), expected("zoom_1.3"), 1e-12);
    }

    @Test
    void boxResizeMatchesPillowExactly() {
        ByteImage image = testImage(H, W);
        ByteImage down = PilResize.box(image, 5, 7);
        assertThat(DoubleImage.fromBytes(down).toBytesRounded().array())
                .isEqualTo(bytes(expected("box_7x5")));
        assertThat(PilResize.box(down, H, W).array()).isEqualTo(bytes(expected("box_7x5_back")));
        ByteImage big = testImage(32, 32);
        assertThat(PilResize.box(PilResize.box(big, 27, 27), 32, 32).array())
                .isEqualTo(bytes(expected("box32_27_32")));
    }

    @Test
    void bilinearResizeOfACropMatchesPillowExactly() {
        ByteImage wide = testImage(32, 40);
        ByteImage down =
                PilResize.bilinear(
                        wide,
                        new PilResize.Region(5, 3, 20, 30),
                        11,
                        13,
                        PilResize.Region.whole(11, 13));
        assertThat(down.array()).isEqualTo(bytes(expected("bilinear_crop_down")));
        ByteImage up =
                PilResize.bilinear(
                        wide,
                        new PilResize.Region(2, 7, 10, 12),
                        25,
                        30,
                        PilResize.Region.whole(25, 30));
        assertThat(up.array()).isEqualTo(bytes(expected("bilinear_crop_up")));
    }

    @Test
    void bilinearWindowEqualsResizingAllThenCropping() {
        ByteImage wide = testImage(32, 40);
        ByteImage window =
                PilResize.bilinear(
                        wide,
                        PilResize.Region.whole(32, 40),
                        29,
                        37,
                        new PilResize.Region(3, 4, 15, 20));
        assertThat(window.array()).isEqualTo(bytes(expected("bilinear_window")));
        assertThatThrownBy(
                        () ->
                                PilResize.bilinear(
                                        wide,
                                        new PilResize.Region(30, 0, 5, 5),
                                        5,
                                        5,
                                        PilResize.Region.whole(5, 5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not fit in 32x40");
    }

    @Test
    void filter2dMatchesOpenCv() {
        DoubleImage kernel = expected("disk_1.5_0.1");
        assertClose(
                Correlation.filter2d(
                        channel0(x), kernel.array(), kernel.width(), BorderMode.MIRROR),
                expected("filter2d_disk_1.5_0.1"),
                1e-6);
    }

    @Test
    void affineWarpMatchesOpenCv() {
        double[] matrix =
                BilinearAffineWarp.fromPoints(
                        new double[] {6, 7, 8, 3, 2, 3},
                        new double[] {6.4f, 7.9f, 7.1f, 2.2f, 2.5f, 3.6f});
        assertThat(matrix).containsExactly(expected("affine_matrix").array(), within(1e-6));
        assertClose(
                BilinearAffineWarp.warp(x, expected("affine_matrix").array()),
                expected("warp_affine_reflect101"),
                1e-6);
    }

    @Test
    void remapMatchesScipyMapCoordinates() {
        double[] dy = expected("remap_dy").array();
        double[] dx = expected("remap_dx").array();
        double[] rows = new double[H * W];
        double[] columns = new double[H * W];
        for (int y = 0; y < H; y++) {
            for (int xx = 0; xx < W; xx++) {
                rows[y * W + xx] = y + dy[y * W + xx];
                columns[y * W + xx] = xx + dx[y * W + xx];
            }
        }
        assertClose(
                BilinearRemap.remap(channel0(x), rows, columns),
                expected("map_coordinates_reflect"),
                1e-12);
    }

    private static byte[] bytes(DoubleImage image) {
        double[] v = image.array();
        byte[] out = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (byte) (int) v[i];
        }
        return out;
    }
}
