package org.djmix.tasks.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.Record;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The IDX reader against tiny files written in the real format by the test. */
class FashionMnistTest {

    @TempDir Path dir;

    private static byte[] idxImages(int count, int magic) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(magic);
        out.writeInt(count);
        out.writeInt(28);
        out.writeInt(28);
        for (int i = 0; i < count; i++) {
            for (int p = 0; p < 28 * 28; p++) {
                out.writeByte((p + i * 7) % 256);
            }
        }
        return bytes.toByteArray();
    }

    private static byte[] idxLabels(int... labels) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(0x801);
        out.writeInt(labels.length);
        for (int label : labels) {
            out.writeByte(label);
        }
        return bytes.toByteArray();
    }

    private void write(String name, byte[] content, boolean gzip) throws IOException {
        try (OutputStream file = Files.newOutputStream(dir.resolve(gzip ? name + ".gz" : name));
                OutputStream out = gzip ? new GZIPOutputStream(file) : file) {
            out.write(content);
        }
    }

    @Test
    void aLimitedReadKeepsTheFirstImagesAndLabels() throws IOException {
        write("train-images-idx3-ubyte", idxImages(3, 0x803), true);
        write("train-labels-idx1-ubyte", idxLabels(3, 9, 5), true);
        ImageDataset all = FashionMnist.read(dir, true).setSampling(1, false).build();
        ImageDataset first = FashionMnist.read(dir, true, 2).setSampling(1, false).build();
        assertThat(first.size()).isEqualTo(2);
        assertThat(first.label(1)).isEqualTo(9);
        for (int i = 0; i < 2; i++) {
            assertThat(first.imageBytes(i)).isEqualTo(all.imageBytes(i));
        }
        assertThat(FashionMnist.read(dir, true, 10).setSampling(1, false).build().size())
                .isEqualTo(3);
    }

    @Test
    void readsGzippedAndPlainFilesAsPaddedRgb() throws IOException {
        write("train-images-idx3-ubyte", idxImages(2, 0x803), true);
        write("train-labels-idx1-ubyte", idxLabels(3, 9), true);
        write("t10k-images-idx3-ubyte", idxImages(1, 0x803), false);
        write("t10k-labels-idx1-ubyte", idxLabels(4), false);
        ImageDataset train = FashionMnist.read(dir, true).setSampling(2, false).build();
        assertThat(train.size()).isEqualTo(2);
        assertThat(train.getImageShape()).isEqualTo(new Shape(3, 32, 32));
        assertThat(train.label(1)).isEqualTo(9);
        try (NDManager manager = NDManager.newBaseManager()) {
            Record record = train.get(manager, 1);
            NDArray image = record.getData().head();
            assertThat(image.getShape()).isEqualTo(new Shape(3, 32, 32));
            // border is zero padding; pixel (0, 0) of the source lands at (2, 2) in every channel
            assertThat(image.getFloat(0, 0, 0)).isZero();
            float first = (7 % 256) / 255f;
            for (int c = 0; c < 3; c++) {
                assertThat(image.getFloat(c, 2, 2)).isEqualTo(first);
            }
            // source pixel (1, 5) = 28 + 5 + 7 = 40
            assertThat(image.getFloat(1, 3, 7)).isEqualTo(40 / 255f);
            assertThat(record.getLabels().head().getFloat()).isEqualTo(9f);
        }
        ImageDataset test = FashionMnist.read(dir, false).setSampling(1, false).build();
        assertThat(test.size()).isEqualTo(1);
        assertThat(test.label(0)).isEqualTo(4);
    }

    @Test
    void wrongMagicTruncationAndMissingFilesAreNamed() throws IOException {
        assertThatThrownBy(() -> FashionMnist.read(dir, true))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("no train-images-idx3-ubyte[.gz] in");
        write("train-images-idx3-ubyte", idxImages(2, 0x801), false);
        write("train-labels-idx1-ubyte", idxLabels(3, 9), false);
        assertThatThrownBy(() -> FashionMnist.read(dir, true))
                .hasMessageContaining("train-images-idx3-ubyte is not an IDX image file")
                .hasMessageContaining("magic 0x00000801, expected 0x00000803");
        byte[] images = idxImages(2, 0x803);
        write(
                "train-images-idx3-ubyte",
                java.util.Arrays.copyOf(images, images.length - 100),
                false);
        assertThatThrownBy(() -> FashionMnist.read(dir, true))
                .hasMessageContaining("train-images-idx3-ubyte is truncated");
        write("train-images-idx3-ubyte", idxImages(3, 0x803), false);
        assertThatThrownBy(() -> FashionMnist.read(dir, true))
                .hasMessageContaining("holds 3 images but its labels file 2");
    }
}
