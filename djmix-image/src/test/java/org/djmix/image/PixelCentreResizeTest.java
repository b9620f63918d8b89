package org.djmix.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Hand-computed pixel-centre positions (PyTorch's align_corners = false, PIL's NEAREST). */
class PixelCentreResizeTest {

    @Test
    void bilinearSamplesBetweenPixelCentresAndClampsAtTheBorder() {
        ByteImage row = ByteImage.of(1, 1, 2, 0, 100);
        // positions −0.25 (clamped to 0), 0.25, 0.75, 1.25 (clamped to 1)
        assertThat(PixelCentreResize.bilinear(row, 1, 4).samples()).containsExactly(0, 25, 75, 100);
        ByteImage square = ByteImage.of(1, 2, 2, 0, 100, 200, 40);
        // the centre of a 2×2 image enlarged to 3×3 averages all four
        assertThat(PixelCentreResize.bilinear(square, 3, 3).get(0, 1, 1)).isEqualTo(85);
    }

    @Test
    void nearestKeepsOnlyInputValues() {
        ByteImage mask = ByteImage.of(1, 1, 4, 1, 2, 255, 3);
        assertThat(PixelCentreResize.nearest(mask, 1, 2).samples()).containsExactly(2, 3);
        assertThat(PixelCentreResize.nearest(mask, 1, 8).samples())
                .containsExactly(1, 1, 2, 2, 255, 255, 3, 3);
        assertThat(PixelCentreResize.nearest(mask, 1, 5).samples()).containsOnly(1, 2, 255, 3);
        assertThatThrownBy(() -> PixelCentreResize.nearest(mask, 0, 2))
                .hasMessage("height and width must be > 0, got 0x2");
    }
}
