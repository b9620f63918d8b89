package org.djmix.tasks.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A panel's own colour range: its lowest value is drawn white, its highest dark red. */
class HeatMapTest {

    private static final double[][] CLOSE_VALUES = {{0.30, 0.32}};

    /** Whether a row of the cells (above their text) holds a colour. */
    private static boolean cellRowHas(BufferedImage image, int rgb) {
        int y = 2 * 20 + 8 + 2;
        for (int x = 0; x < image.getWidth(); x++) {
            if ((image.getRGB(x, y) & 0xffffff) == rgb) {
                return true;
            }
        }
        return false;
    }

    @Test
    void aPanelsOwnRangeSpansTheColours() {
        int darkest = HeatMap.colour(1).getRGB() & 0xffffff;
        int middle = HeatMap.colour(0.31).getRGB() & 0xffffff;
        BufferedImage fixed =
                new HeatMap(List.of("a"), List.of("x", "y")).addPanel("t", CLOSE_VALUES).render();
        assertThat(cellRowHas(fixed, darkest)).isFalse();
        assertThat(cellRowHas(fixed, HeatMap.colour(0.30).getRGB() & 0xffffff)).isTrue();
        BufferedImage scaled =
                new HeatMap(List.of("a"), List.of("x", "y"))
                        .addPanel("t", CLOSE_VALUES, 0.30, 0.32)
                        .render();
        assertThat(cellRowHas(scaled, darkest)).isTrue();
        assertThat(cellRowHas(scaled, middle)).isFalse();
    }

    @Test
    void anEmptyRangeIsRefused() {
        assertThatThrownBy(
                        () ->
                                new HeatMap(List.of("a"), List.of("x", "y"))
                                        .addPanel("t", CLOSE_VALUES, 0.3, 0.3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a colour scale needs high > low, got 0.3..0.3");
    }
}
