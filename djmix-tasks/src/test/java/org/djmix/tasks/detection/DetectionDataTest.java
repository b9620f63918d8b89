package org.djmix.tasks.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.djmix.image.ByteImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The VOC detection reader on folders in the real format, and the synthetic detection set. */
class DetectionDataTest {

    @TempDir Path dir;

    private static String xml(int width, int height, String objects) {
        return "<annotation><folder>VOC2007</folder><filename>x.jpg</filename><size><width>"
                + width
                + "</width><height>"
                + height
                + "</height><depth>3</depth></size><segmented>0</segmented>"
                + objects
                + "</annotation>";
    }

    private static String object(String name, int difficult, int... box) {
        return "<object><name>"
                + name
                + "</name><pose>Left</pose><truncated>0</truncated><difficult>"
                + difficult
                + "</difficult><bndbox><xmin>"
                + box[0]
                + "</xmin><ymin>"
                + box[1]
                + "</ymin><xmax>"
                + box[2]
                + "</xmax><ymax>"
                + box[3]
                + "</ymax></bndbox></object>";
    }

    /** A VOC year folder with the given annotations, ids 000001, 000002, … */
    private Path voc(String year, String... annotations) throws IOException {
        Path root = dir.resolve("VOCdevkit").resolve(year);
        Files.createDirectories(root.resolve("Annotations"));
        Files.createDirectories(root.resolve("JPEGImages"));
        Files.createDirectories(root.resolve("ImageSets/Main"));
        StringBuilder ids = new StringBuilder();
        for (int i = 0; i < annotations.length; i++) {
            String id = String.format("%06d", i + 1);
            ids.append(id).append('\n');
            Files.writeString(root.resolve("Annotations/" + id + ".xml"), annotations[i]);
            ImageIO.write(
                    new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB),
                    "jpeg",
                    root.resolve("JPEGImages/" + id + ".jpg").toFile());
        }
        Files.writeString(root.resolve("ImageSets/Main/trainval.txt"), ids.toString());
        return root;
    }

    @Test
    void readsBoxesLabelsAndDifficultFlagsFromTwoYears() throws IOException {
        voc(
                "VOC2007",
                xml(40, 30, object("dog", 0, 1, 1, 40, 30) + object("person", 1, 5, 6, 10, 20)));
        voc("VOC2012", xml(40, 30, object("tvmonitor", 0, 3, 4, 5, 6)));
        Path devkit = dir.resolve("VOCdevkit");
        VocDetection source =
                VocDetection.of(
                        List.of(devkit.resolve("VOC2007"), devkit.resolve("VOC2012")), "trainval");
        assertThat(source.size()).isEqualTo(2);
        DetectionSource.Annotation first = source.annotation(0);
        assertThat(first.boxes()).containsExactly(0, 0, 40, 30, 4, 5, 10, 20);
        assertThat(first.labels()).containsExactly(11, 14);
        assertThat(first.difficult()).containsExactly(false, true);
        assertThat(source.annotation(1).labels()).containsExactly(19);
        ByteImage image = source.image(1);
        assertThat(image.width()).isEqualTo(40);
        assertThat(image.height()).isEqualTo(30);
        assertThat(source.name(1)).isEqualTo("000001");
    }

    @Test
    void badAnnotationsAreNamedWithTheirFile() throws IOException {
        Path root =
                voc(
                        "VOC2007",
                        "<annotation><size><width>40</width>",
                        xml(40, 30, object("dog", 0, 1, 1, 41, 30)),
                        xml(40, 30, object("doge", 0, 1, 1, 4, 3)));
        VocDetection source = VocDetection.of(List.of(root), "trainval");
        assertThatThrownBy(() -> source.annotation(0))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith(
                        root.resolve("Annotations/000001.xml") + " is malformed XML");
        assertThatThrownBy(() -> source.annotation(1))
                .hasMessageContaining(root.resolve("Annotations/000002.xml").toString())
                .hasMessageContaining("object 1 (dog) has box xmin 1.0 ymin 1.0 xmax 41.0")
                .hasMessageContaining("outside the 40x30 image");
        assertThatThrownBy(() -> source.annotation(2))
                .hasMessageContaining("000003.xml: object 1 has unknown class 'doge'");
        assertThatThrownBy(() -> VocDetection.of(List.of(root), "test"))
                .hasMessageContaining("no split file " + root.resolve("ImageSets/Main/test.txt"));
    }

    @Test
    void syntheticBoxesEncloseTheirShapesAndBarelyOverlap() {
        ShapesDetection source = new ShapesDetection(true, 50, 96);
        int objects = 0;
        for (int i = 0; i < source.size(); i++) {
            DetectionSource.Annotation a = source.annotation(i);
            ByteImage image = source.image(i);
            assertThat(a.size()).isBetween(1, 4);
            objects += a.size();
            for (int k = 0; k < a.size(); k++) {
                float[] box = java.util.Arrays.copyOfRange(a.boxes(), 4 * k, 4 * k + 4);
                assertThat(box[0]).isGreaterThanOrEqualTo(0);
                assertThat(box[2]).isLessThanOrEqualTo(96).isGreaterThan(box[0]);
                assertThat(a.labels()[k]).isBetween(0, 3);
                for (int j = k + 1; j < a.size(); j++) {
                    float[] other = java.util.Arrays.copyOfRange(a.boxes(), 4 * j, 4 * j + 4);
                    assertThat(iou(box, other)).isLessThanOrEqualTo(0.3f);
                }
            }
            assertThat(image.height()).isEqualTo(96);
        }
        assertThat(objects).isGreaterThan(75);
        assertThat(source.annotation(7).boxes())
                .containsExactly(new ShapesDetection(true, 50, 96).annotation(7).boxes());
    }

    private static float iou(float[] a, float[] b) {
        float w = Math.max(0, Math.min(a[2], b[2]) - Math.max(a[0], b[0]));
        float h = Math.max(0, Math.min(a[3], b[3]) - Math.max(a[1], b[1]));
        float inter = w * h;
        return inter / ((a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter);
    }
}
