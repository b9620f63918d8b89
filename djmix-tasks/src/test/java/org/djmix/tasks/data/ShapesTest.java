package org.djmix.tasks.data;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class ShapesTest {

    @Test
    void isDeterministicBalancedAndDiffersBetweenSplits() {
        ImageDataset a = Shapes.generate(true).setSampling(32, false).build();
        ImageDataset b = Shapes.generate(true).setSampling(32, false).build();
        ImageDataset test = Shapes.generate(false).setSampling(32, false).build();
        assertThat(a.size()).isEqualTo(Shapes.TRAIN_SIZE);
        assertThat(test.size()).isEqualTo(Shapes.TEST_SIZE);
        assertThat(a.getImageShape()).isEqualTo(new Shape(3, 32, 32));
        assertThat(a.getNumClasses()).isEqualTo(4);
        int[] perClass = new int[4];
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.imageBytes(i)).isEqualTo(b.imageBytes(i));
            assertThat(a.label(i)).isEqualTo(b.label(i));
            perClass[a.label(i)]++;
        }
        for (int count : perClass) {
            assertThat(count).isBetween(1100, 1400);
        }
        assertThat(test.imageBytes(0)).isNotEqualTo(a.imageBytes(0));
    }

    @Test
    void everyShapeStandsOutFromItsBackground() {
        ImageDataset shapes = Shapes.generate(false).setSampling(32, false).build();
        for (int i = 0; i < 50; i++) {
            byte[] image = shapes.imageBytes(i);
            // the background is a vertical gradient: in the shape's rows some pixel breaks it
            int changes = 0;
            for (int y = 0; y < 32; y++) {
                for (int x = 1; x < 32; x++) {
                    int here = y * 32 + x;
                    int diff = 0;
                    for (int c = 0; c < 3; c++) {
                        diff +=
                                Math.abs(
                                        (image[c * 1024 + here] & 0xFF)
                                                - (image[c * 1024 + here - 1] & 0xFF));
                    }
                    changes += diff > 20 ? 1 : 0;
                }
            }
            assertThat(changes).as("edges in image %d", i).isGreaterThanOrEqualTo(8);
        }
    }
}
