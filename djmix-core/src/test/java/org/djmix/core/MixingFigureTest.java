package org.djmix.core;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class MixingFigureTest {

    @Test
    void rowsShowXThenGOfXThenTheMixes() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.full(new Shape(2, 1, 4, 4), 0.8f);
            Discretizer black = images -> images.zerosLike();
            BufferedImage grid = MixingFigure.of(black, x, List.of(0.5, 0.25), 1).render();
            // rows: x, g(x), β = 0.5, β = 0.25; the last pixel column of the second image
            int right = grid.getWidth() - 6 - 1;
            int[] expected = {204, 0, 102, 51};
            for (int row = 0; row < 4; row++) {
                int y = 6 + row * (4 + 2) + 3;
                assertThat(grid.getRGB(right, y) & 0xFF).as("row %d", row).isEqualTo(expected[row]);
            }
        }
    }
}
