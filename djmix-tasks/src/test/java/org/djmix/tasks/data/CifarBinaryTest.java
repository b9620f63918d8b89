package org.djmix.tasks.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.types.Shape;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CIFAR binary readers against tiny files written in the official record format. */
class CifarBinaryTest {

    @TempDir Path dir;

    /** One record: the label bytes, then the R, G and B planes filled with r, g, b. */
    private static byte[] record(int[] labelBytes, int r, int g, int b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int label : labelBytes) {
            out.write(label);
        }
        for (int value : new int[] {r, g, b}) {
            byte[] plane = new byte[1024];
            Arrays.fill(plane, (byte) value);
            out.writeBytes(plane);
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] r : records) {
            out.writeBytes(r);
        }
        return out.toByteArray();
    }

    private Path cifar10() throws IOException {
        Path root = Files.createDirectories(dir.resolve("cifar-10-batches-bin"));
        for (int batch = 1; batch <= 5; batch++) {
            Files.write(
                    root.resolve("data_batch_" + batch + ".bin"),
                    concat(
                            record(new int[] {batch}, 10 * batch, 1, 2),
                            record(new int[] {9}, 200, 201, 255)));
        }
        Files.write(root.resolve("test_batch.bin"), record(new int[] {3}, 7, 8, 9));
        return root;
    }

    @Test
    void readsTheCifar10BatchesInOrderWithTheirPlanes() throws IOException {
        cifar10();
        ImageDataset train = CifarBinary.CIFAR10.read(dir, true).setSampling(2, false).build();
        assertThat(train.size()).isEqualTo(10);
        assertThat(train.getImageShape()).isEqualTo(new Shape(3, 32, 32));
        assertThat(train.getNumClasses()).isEqualTo(10);
        assertThat(train.label(0)).isEqualTo(1);
        assertThat(train.label(1)).isEqualTo(9);
        assertThat(train.label(8)).isEqualTo(5);
        byte[] image = train.imageBytes(4);
        assertThat(image[0] & 0xFF).isEqualTo(30);
        assertThat(image[1024] & 0xFF).isEqualTo(1);
        assertThat(image[3071] & 0xFF).isEqualTo(2);
        assertThat(train.imageBytes(9)[3071] & 0xFF).isEqualTo(255);

        ImageDataset test = CifarBinary.CIFAR10.read(dir, false).setSampling(1, false).build();
        assertThat(test.size()).isEqualTo(1);
        assertThat(test.label(0)).isEqualTo(3);
        assertThat(test.imageBytes(0)[2048] & 0xFF).isEqualTo(9);
    }

    @Test
    void aLimitedReadKeepsTheFirstImagesAndSkipsTheFilesAfterThem() throws IOException {
        Path root = cifar10();
        // batches 4 and 5 are not needed for 5 images: unreadable garbage there must not matter
        Files.write(root.resolve("data_batch_4.bin"), new byte[7]);
        Files.delete(root.resolve("data_batch_5.bin"));
        ImageDataset train = CifarBinary.CIFAR10.read(dir, true, 5).setSampling(1, false).build();
        assertThat(train.size()).isEqualTo(5);
        assertThat(train.label(4)).isEqualTo(3);
        assertThat(train.imageBytes(4)[0] & 0xFF).isEqualTo(30);
        assertThat(train.imageBytes(3)[3071] & 0xFF).isEqualTo(255);
    }

    @Test
    void readsCifar100RecordsWithTwoLabelBytesAndKeepsTheFineLabel() throws IOException {
        Path root = Files.createDirectories(dir.resolve("cifar-100-binary"));
        Files.write(
                root.resolve("train.bin"),
                concat(record(new int[] {4, 72}, 1, 2, 3), record(new int[] {19, 99}, 4, 5, 6)));
        Files.write(root.resolve("test.bin"), record(new int[] {0, 0}, 0, 0, 0));
        ImageDataset train = CifarBinary.CIFAR100.read(root, true).setSampling(1, false).build();
        assertThat(train.getNumClasses()).isEqualTo(100);
        assertThat(train.size()).isEqualTo(2);
        assertThat(train.label(0)).isEqualTo(72);
        assertThat(train.label(1)).isEqualTo(99);
        assertThat(train.imageBytes(1)[0] & 0xFF).isEqualTo(4);
        assertThat(train.imageBytes(1)[2048] & 0xFF).isEqualTo(6);
    }

    @Test
    void aTruncatedFileIsNamed() throws IOException {
        Path root = cifar10();
        Path batch = root.resolve("data_batch_3.bin");
        byte[] bytes = Files.readAllBytes(batch);
        Files.write(batch, Arrays.copyOf(bytes, bytes.length - 100));
        assertThatThrownBy(() -> CifarBinary.CIFAR10.read(dir, true))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("data_batch_3.bin is truncated or not a CIFAR-10 file")
                .hasMessageContaining("3073-byte records");
    }

    @Test
    void aMissingBatchOrABadLabelIsNamed() throws IOException {
        Path root = cifar10();
        Files.write(root.resolve("test_batch.bin"), record(new int[] {10}, 0, 0, 0));
        assertThatThrownBy(() -> CifarBinary.CIFAR10.read(root, false))
                .hasMessageContaining("test_batch.bin: record 0 has label 10, expected 0..9");
        Files.delete(root.resolve("data_batch_5.bin"));
        assertThatThrownBy(() -> CifarBinary.CIFAR10.read(root, true))
                .hasMessageContaining("no data_batch_5.bin in " + root);
    }
}
