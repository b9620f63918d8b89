package org.djmix.tasks.data;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class ImageDatasetTest {

    @Test
    void aLimitKeepsTheFirstImagesAndTheirLabels() {
        byte[] pixels = new byte[5 * 2];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) i;
        }
        ImageDataset dataset =
                ImageDataset.builder()
                        .setImages(pixels, new int[] {4, 3, 2, 1, 0}, new Shape(1, 1, 2), 5)
                        .setSampling(2, false)
                        .optLimit(2)
                        .build();
        assertThat(dataset.size()).isEqualTo(2);
        assertThat(dataset.imageBytes(1)).containsExactly(2, 3);
        assertThat(dataset.label(1)).isEqualTo(3);
        assertThat(dataset.asLabelledImages().size()).isEqualTo(2);
    }
}
