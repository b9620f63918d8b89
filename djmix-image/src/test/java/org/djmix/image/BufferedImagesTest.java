package org.djmix.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BufferedImagesTest {

    @TempDir Path dir;

    @Test
    void greyImagesRepeatTheirSampleInEveryChannel() throws IOException {
        BufferedImage grey = new BufferedImage(5, 4, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 5; x++) {
                grey.getRaster().setSample(x, y, 0, 40 * y + 10 * x);
            }
        }
        Path png = dir.resolve("grey.png");
        ImageIO.write(grey, "png", png.toFile());
        ByteImage read = BufferedImages.read(png);
        assertThat(read.channels()).isEqualTo(3);
        byte[] plane = Arrays.copyOfRange(read.array(), 0, 20);
        assertThat(plane[7] & 0xFF).isEqualTo(40 + 20);
        assertThat(Arrays.copyOfRange(read.array(), 20, 40)).isEqualTo(plane);
        assertThat(Arrays.copyOfRange(read.array(), 40, 60)).isEqualTo(plane);
    }

    @Test
    void alphaIsDroppedNotBlended() throws IOException {
        BufferedImage rgba = new BufferedImage(2, 1, BufferedImage.TYPE_INT_ARGB);
        rgba.setRGB(0, 0, 0x10C86432);
        rgba.setRGB(1, 0, 0xFF0A141E);
        Path png = dir.resolve("alpha.png");
        ImageIO.write(rgba, "png", png.toFile());
        ByteImage read = BufferedImages.read(png);
        assertThat(read.get(0, 0, 0)).isEqualTo(200);
        assertThat(read.get(1, 0, 0)).isEqualTo(100);
        assertThat(read.get(2, 0, 0)).isEqualTo(50);
        assertThat(read.get(0, 0, 1)).isEqualTo(10);
    }

    @Test
    void theFormatComesFromTheContentNotTheName() throws IOException {
        BufferedImage rgb = new BufferedImage(3, 2, BufferedImage.TYPE_3BYTE_BGR);
        rgb.setRGB(2, 1, 0x123456);
        Path disguised = dir.resolve("really-a-png.JPEG");
        ImageIO.write(rgb, "png", disguised.toFile());
        ByteImage read = BufferedImages.read(disguised);
        assertThat(read.get(0, 1, 2)).isEqualTo(0x12);
        assertThat(read.get(2, 1, 2)).isEqualTo(0x56);
    }

    @Test
    void aTruncatedJpegIsRefusedWithItsName() throws IOException {
        BufferedImage rgb = new BufferedImage(64, 48, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 64; x++) {
                rgb.setRGB(x, y, (x * 4) << 16 | (y * 5) << 8 | (x * y) & 0xFF);
            }
        }
        Path whole = dir.resolve("whole.jpg");
        ImageIO.write(rgb, "jpeg", whole.toFile());
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = dir.resolve("cut.jpg");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));
        assertThat(BufferedImages.read(whole).height()).isEqualTo(48);
        assertThatThrownBy(() -> BufferedImages.read(cut))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith(cut.toString())
                .hasMessageContaining("truncated");
    }

    @Test
    void aFileThatIsNoImageIsRefusedWithItsName() throws IOException {
        Path text = dir.resolve("notes.png");
        Files.writeString(text, "not an image");
        assertThatThrownBy(() -> BufferedImages.read(text))
                .isInstanceOf(IOException.class)
                .hasMessage(text + " is not a readable image (no decoder accepts it)");
    }
}
