package org.djmix.tasks.segmentation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.djmix.image.BufferedImages;
import org.djmix.image.ByteImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mask PNG keeps class indices under the VOC palette; the overlay tints only objects. */
class MaskPicturesTest {

    @TempDir Path dir;

    @Test
    void theMaskPngHoldsTheIndicesWithVocColours() throws IOException {
        int[] classes = {0, 1, 15, 255, 20, 3};
        Path file = dir.resolve("m.png");
        BufferedImages.writePng(MaskPictures.mask(classes, 2, 3), file);
        BufferedImage back = ImageIO.read(file.toFile());
        assertThat(back.getColorModel()).isInstanceOf(IndexColorModel.class);
        int[] raster = back.getRaster().getPixels(0, 0, 3, 2, (int[]) null);
        assertThat(raster).containsExactly(classes);
        // person (15) is VOC's pink (192, 128, 128)
        assertThat(back.getRGB(2, 0) & 0xFFFFFF).isEqualTo(0xC08080);
    }

    @Test
    void theOverlayBlendsObjectPixelsHalfWithTheirColour() {
        ByteImage image = ByteImage.of(3, 1, 2, 100, 100, 50, 50, 200, 200);
        BufferedImage overlay = MaskPictures.overlay(image, new int[] {0, 1});
        assertThat(overlay.getRGB(0, 0) & 0xFFFFFF).isEqualTo(0x6432C8);
        // class 1 is (128, 0, 0): (100+128)/2, (50+0)/2, (200+0)/2
        assertThat(overlay.getRGB(1, 0) & 0xFFFFFF).isEqualTo((114 << 16) | (25 << 8) | 100);
        assertThatThrownBy(() -> MaskPictures.overlay(image, new int[] {0}))
                .hasMessage("1 classes for a 1x2 image");
    }
}
