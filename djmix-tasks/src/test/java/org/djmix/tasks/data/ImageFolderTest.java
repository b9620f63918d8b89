package org.djmix.tasks.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.types.Shape;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderTest {

    @TempDir Path dir;

    private static void png(Path file, int width, int height, int rgb) throws IOException {
        Files.createDirectories(file.getParent());
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, rgb);
            }
        }
        ImageIO.write(image, "png", file.toFile());
    }

    @Test
    void usesTrainAndTestFoldersWithAlphabeticalClasses() throws IOException {
        png(dir.resolve("train/zebra/a.png"), 8, 4, 0x102030);
        png(dir.resolve("train/cat/b.png"), 8, 4, 0xFF0080);
        png(dir.resolve("train/cat/c.PNG"), 8, 4, 0x000000);
        Files.writeString(dir.resolve("train/cat/notes.txt"), "not an image");
        png(dir.resolve("val/zebra/d.png"), 8, 4, 0x010203);

        ImageDataset train = ImageFolder.read(dir, true, 0).setSampling(1, false).build();
        assertThat(train.size()).isEqualTo(3);
        assertThat(train.getImageShape()).isEqualTo(new Shape(3, 4, 8));
        assertThat(train.getNumClasses()).isEqualTo(2);
        assertThat(train.label(0)).isZero();
        assertThat(train.label(2)).isEqualTo(1);
        byte[] pink = train.imageBytes(0);
        assertThat(pink[0] & 0xFF).isEqualTo(0xFF);
        assertThat(pink[32] & 0xFF).isEqualTo(0x00);
        assertThat(pink[64] & 0xFF).isEqualTo(0x80);

        ImageDataset test = ImageFolder.read(dir, false, 0).setSampling(1, false).build();
        assertThat(test.size()).isEqualTo(1);
        assertThat(test.label(0)).isEqualTo(1);
        assertThat(test.imageBytes(0)[64] & 0xFF).isEqualTo(3);
    }

    @Test
    void withoutSplitFoldersEveryTenthImageIsHeldOut() throws IOException {
        for (int i = 0; i < 20; i++) {
            png(dir.resolve((i % 2 == 0 ? "a" : "b") + String.format("/%02d.png", i)), 4, 4, i);
        }
        assertThat(ImageFolder.read(dir, true, 0).setSampling(1, false).build().size())
                .isEqualTo(18);
        assertThat(ImageFolder.read(dir, false, 0).setSampling(1, false).build().size())
                .isEqualTo(2);
    }

    @Test
    void scalesAndCropsToAGivenSize() throws IOException {
        png(dir.resolve("a/wide.png"), 40, 20, 0x00FF00);
        png(dir.resolve("a/tall.png"), 10, 30, 0x0000FF);
        ImageDataset train = ImageFolder.read(dir, true, 8).setSampling(1, false).build();
        assertThat(train.getImageShape()).isEqualTo(new Shape(3, 8, 8));
        assertThat(train.imageBytes(0)[64 + 27] & 0xFF).isEqualTo(0);
        assertThat(train.imageBytes(0)[128 + 27] & 0xFF).isEqualTo(255);
    }

    @Test
    void badFoldersAndImagesAreNamed() throws IOException {
        Files.createDirectories(dir.resolve("empty/cats"));
        assertThatThrownBy(() -> ImageFolder.read(dir.resolve("empty"), true, 0))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("image folder " + dir.resolve("empty"))
                .hasMessageContaining("has no training images");

        png(dir.resolve("mixed/a/1.png"), 4, 4, 0);
        png(dir.resolve("mixed/a/2.png"), 6, 4, 0);
        assertThatThrownBy(() -> ImageFolder.read(dir.resolve("mixed"), true, 0))
                .hasMessageContaining("2.png is 6x4, the other images 4x4");

        png(dir.resolve("broken/a/1.png"), 4, 4, 0);
        Files.write(dir.resolve("broken/a/2.png"), new byte[] {1, 2, 3});
        assertThatThrownBy(() -> ImageFolder.read(dir.resolve("broken"), true, 0))
                .hasMessageContaining("2.png is not a readable image");

        assertThatThrownBy(() -> ImageFolder.read(dir.resolve("nowhere"), true, 0))
                .hasMessageContaining("does not exist");
    }
}
