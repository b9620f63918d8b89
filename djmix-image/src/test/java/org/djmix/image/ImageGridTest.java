package org.djmix.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageGridTest {

    @TempDir Path dir;

    private static ByteImage filled(int r, int g, int b) {
        ByteImage image = ByteImage.zeros(3, 4, 4);
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                image.set(0, y, x, r);
                image.set(1, y, x, g);
                image.set(2, y, x, b);
            }
        }
        return image;
    }

    @Test
    void rowsAndColumnsLandWhereTheirLabelsSay() throws IOException {
        ByteImage red = filled(255, 0, 0);
        ByteImage blue = filled(0, 0, 255);
        ImageGrid grid =
                new ImageGrid(3)
                        .setColumnLabels(List.of("a", "b"))
                        .addRow("first", List.of(red, blue))
                        .addRow("second", List.of(blue, red));
        Path file = dir.resolve("grid.png");
        grid.writePng(file);
        BufferedImage png = ImageIO.read(file.toFile());
        BufferedImage rendered = grid.render();
        assertThat(png.getWidth()).isEqualTo(rendered.getWidth());
        assertThat(png.getHeight()).isEqualTo(rendered.getHeight());
        // the bottom-right pixel of the last cell, just inside the padding, is red
        int x = png.getWidth() - 6 - 1;
        int y = png.getHeight() - 6 - 1;
        assertThat(png.getRGB(x, y) & 0xFFFFFF).isEqualTo(0xFF0000);
        // 12 pixels (4 × scale 3) to the left, past the 2-pixel gap, the first column is blue
        assertThat(png.getRGB(x - 12 - 2, y) & 0xFFFFFF).isEqualTo(0x0000FF);
        assertThat(png.getRGB(x, y - 12 - 2) & 0xFFFFFF).isEqualTo(0x0000FF);
    }

    @Test
    void greyImagesArePaintedGreyAndAnEmptyGridIsRefused() {
        ByteImage grey = ByteImage.zeros(1, 2, 2);
        grey.set(0, 1, 1, 100);
        BufferedImage out = new ImageGrid(1).addRow("", List.of(grey)).render();
        assertThat(out.getRGB(6 + 1, 6 + 1) & 0xFFFFFF).isEqualTo(0x646464);
        assertThatThrownBy(() -> new ImageGrid(1).render())
                .hasMessageContaining("the grid has no rows");
    }
}
