package org.djmix.corruptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.djmix.image.ByteImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing the ImageNet-C folder layout and reading it back for an evaluation. */
class ImageFolderCLayoutTest {

    @TempDir Path dir;

    /** Three images of different sizes, named like a segmentation set's. */
    private static LabelledImages images() {
        return new LabelledImages() {
            @Override
            public int size() {
                return 3;
            }

            @Override
            public ByteImage image(int index) {
                return CorruptionTest.textured(40 + 8 * index);
            }

            @Override
            public int label(int index) {
                return 4 - index;
            }

            @Override
            public String relativePath(int index) {
                return "img_" + index + ".png";
            }
        };
    }

    private static final List<Corruption> CORRUPTIONS =
            List.of(Corruption.GAUSSIAN_NOISE, Corruption.CONTRAST);

    private void write(ImageFolderCWriter.Format format) throws IOException {
        CorruptionJob.builder()
                .optCorruptions(CORRUPTIONS)
                .optSeverities(List.of(2))
                .optProfile(CorruptionProfile.AUTO)
                .optSeed(5)
                .build()
                .run(images(), new ImageFolderCWriter(dir, images(), format));
    }

    @Test
    void pngFoldersReadBackAsTheImagesCorruptedOnTheFly() throws IOException {
        write(ImageFolderCWriter.Format.PNG);
        assertThat(dir.resolve("contrast/2/img_1.png")).exists();
        for (Corruption corruption : CORRUPTIONS) {
            LabelledImages read = ImageFolderCDirectory.read(dir, images(), corruption, 2);
            LabelledImages expected =
                    CorruptedImages.of(images(), corruption, 2, CorruptionProfile.AUTO, 5, 1);
            assertThat(read.size()).isEqualTo(3);
            for (int i = 0; i < 3; i++) {
                assertThat(read.image(i).array()).isEqualTo(expected.image(i).array());
                assertThat(read.image(i).width()).isEqualTo(40 + 8 * i);
                assertThat(read.label(i)).isEqualTo(4 - i);
                assertThat(read.relativePath(i)).isEqualTo("img_" + i + ".png");
            }
        }
    }

    @Test
    void jpegFoldersAreFoundUnderTheirJpegNames() throws IOException {
        write(ImageFolderCWriter.Format.JPEG);
        assertThat(dir.resolve("gaussian_noise/2/img_2.jpg")).exists();
        ByteImage image =
                ImageFolderCDirectory.read(dir, images(), Corruption.GAUSSIAN_NOISE, 2).image(2);
        assertThat(image.height()).isEqualTo(56);
        assertThat(image.width()).isEqualTo(56);
    }

    @Test
    void aMissingFolderOrFileIsNamed() throws IOException {
        assertThatThrownBy(() -> ImageFolderCDirectory.read(dir, images(), Corruption.CONTRAST, 2))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("no folder " + dir.resolve("contrast/2"))
                .hasMessageContaining("DIR/<corruption>/<severity>/<image>");
        write(ImageFolderCWriter.Format.PNG);
        Files.delete(dir.resolve("contrast/2/img_1.png"));
        LabelledImages read = ImageFolderCDirectory.read(dir, images(), Corruption.CONTRAST, 2);
        assertThatThrownBy(() -> read.image(1))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(dir.resolve("contrast/2/img_1.jpg").toString())
                .hasMessageContaining("corrupted copy of img_1.png is missing");
    }
}
