package org.djmix.tasks.segmentation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.djmix.image.ByteImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** VOC's layouts written by the test in the real formats (JPEG images, palette and grey PNGs). */
class VocSegmentationTest {

    @TempDir Path dir;

    private Path voc() throws IOException {
        Path root = Files.createDirectories(dir.resolve("VOCdevkit").resolve("VOC2012"));
        Files.createDirectories(root.resolve("JPEGImages"));
        Files.createDirectories(root.resolve("SegmentationClass"));
        Files.createDirectories(root.resolve("ImageSets").resolve("Segmentation"));
        for (String id : new String[] {"2007_000032", "2007_000039"}) {
            BufferedImage rgb = new BufferedImage(20, 16, BufferedImage.TYPE_INT_RGB);
            rgb.setRGB(3, 4, 0xFF8040);
            ImageIO.write(rgb, "jpg", root.resolve("JPEGImages").resolve(id + ".jpg").toFile());
        }
        return root;
    }

    /** A palette PNG (VOC's colours) whose pixel (x, y) holds {@code index(x, y)}. */
    private static void palettePng(Path file, int w, int h, int special) throws IOException {
        BufferedImage png =
                new BufferedImage(w, h, BufferedImage.TYPE_BYTE_INDEXED, VocPalette.colorModel());
        WritableRaster raster = png.getRaster();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                raster.setSample(x, y, 0, x < w / 2 ? 0 : 15);
            }
        }
        raster.setSample(0, 0, 0, special);
        ImageIO.write(png, "png", file.toFile());
    }

    @Test
    void readsImagesAndTheMasksIndicesNotItsColours() throws IOException {
        Path root = voc();
        palettePng(root.resolve("SegmentationClass").resolve("2007_000032.png"), 20, 16, 255);
        palettePng(root.resolve("SegmentationClass").resolve("2007_000039.png"), 20, 16, 3);
        Files.writeString(
                root.resolve("ImageSets").resolve("Segmentation").resolve("train.txt"),
                "2007_000032\n2007_000039\n\n");
        VocSegmentation train = VocSegmentation.voc(dir.resolve("VOCdevkit"), "train");
        assertThat(train.size()).isEqualTo(2);
        assertThat(train.numClasses()).isEqualTo(21);
        assertThat(train.name(1)).isEqualTo("2007_000039");
        ByteImage image = train.image(0);
        assertThat(image.channels()).isEqualTo(3);
        assertThat(image.height()).isEqualTo(16);
        ByteImage mask = train.mask(0);
        assertThat(mask.get(0, 0, 0)).isEqualTo(255);
        assertThat(mask.get(0, 5, 2)).isZero();
        // person: index 15, drawn in VOC's pink (192, 128, 128)
        assertThat(mask.get(0, 5, 15)).isEqualTo(15);
        assertThat(VocPalette.colour(15)).containsExactly(192, 128, 128);
        assertThat(train.mask(1).get(0, 0, 0)).isEqualTo(3);
    }

    @Test
    void badMasksAndMissingFilesAreNamed() throws IOException {
        Path root = voc();
        Path masks = root.resolve("SegmentationClass");
        palettePng(masks.resolve("2007_000032.png"), 20, 16, 30);
        Files.writeString(
                root.resolve("ImageSets").resolve("Segmentation").resolve("val.txt"),
                "2007_000032\n2007_000039\n");
        VocSegmentation val = VocSegmentation.voc(root, "val");
        assertThatThrownBy(() -> val.mask(0))
                .hasMessageEndingWith(
                        "2007_000032.png: pixel (0, 0) holds index 30; expected 0..20 or 255");
        assertThatThrownBy(() -> val.mask(1))
                .hasMessage(
                        "no mask " + masks.resolve("2007_000039.png") + " for image 2007_000039");
        ImageIO.write(
                new BufferedImage(20, 16, BufferedImage.TYPE_INT_RGB),
                "png",
                masks.resolve("2007_000039.png").toFile());
        assertThatThrownBy(() -> val.mask(1))
                .hasMessageContaining("has 3 colour bands; a VOC mask is a palette or 8-bit grey");
        assertThatThrownBy(() -> VocSegmentation.voc(root, "trainval"))
                .hasMessageStartingWith("no split file ")
                .hasMessageContaining("trainval.txt");
        assertThatThrownBy(() -> VocSegmentation.voc(dir, "val"))
                .hasMessage(
                        dir
                                + " holds neither JPEGImages nor VOC2012/ (expected a PASCAL VOC folder)");
    }

    @Test
    void readsTheAugmentedSetFromGreyMasksAndItsList() throws IOException {
        Path root = voc();
        Path masks = Files.createDirectories(root.resolve("SegmentationClassAug"));
        BufferedImage grey = new BufferedImage(20, 16, BufferedImage.TYPE_BYTE_GRAY);
        grey.getRaster().setSample(7, 2, 0, 20);
        ImageIO.write(grey, "png", masks.resolve("2007_000039.png").toFile());
        assertThatThrownBy(() -> VocSegmentation.aug(root))
                .hasMessageStartingWith("no train_aug.txt in ");
        Files.writeString(root.resolve("train_aug.txt"), "2007_000039\n");
        VocSegmentation aug = VocSegmentation.aug(root);
        assertThat(aug.size()).isEqualTo(1);
        assertThat(aug.mask(0).get(0, 2, 7)).isEqualTo(20);
    }
}
