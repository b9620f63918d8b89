package org.djmix.corruptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.djmix.image.ByteImage;
import org.djmix.io.NpyFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing and reading the CIFAR-10-C layout, and the .npy format underneath. */
class CifarCLayoutTest {

    @TempDir Path dir;

    private static LabelledImages threeImages() {
        return new LabelledImages() {
            @Override
            public int size() {
                return 3;
            }

            @Override
            public ByteImage image(int index) {
                return CorruptionTest.textured(32);
            }

            @Override
            public int label(int index) {
                return 7 + index;
            }
        };
    }

    @Test
    void npyRoundTripsAndHasNumpysHeader() throws IOException {
        Path file = dir.resolve("a.npy");
        byte[] data = new byte[2 * 3 * 4];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 11);
        }
        NpyFile.writeBytes(file, new long[] {2, 3, 4}, data);
        byte[] raw = Files.readAllBytes(file);
        int length = (raw[8] & 0xFF) | (raw[9] & 0xFF) << 8;
        String header = new String(raw, 10, length, java.nio.charset.StandardCharsets.US_ASCII);
        assertThat(raw[6]).isEqualTo((byte) 1);
        assertThat(header)
                .startsWith("{'descr': '|u1', 'fortran_order': False, 'shape': (2, 3, 4), }")
                .endsWith("\n");
        assertThat((10 + length) % 64).isZero();
        assertThat(raw).hasSize(10 + length + data.length);
        NpyFile.ByteArray back = NpyFile.readBytes(file, 3);
        assertThat(back.header().shape()).containsExactly(2, 3, 4);
        assertThat(back.data()).isEqualTo(data);

        Path labels = dir.resolve("labels.npy");
        NpyFile.writeLongs(labels, new long[] {3, 1, 4});
        assertThat(NpyFile.readIntegers(labels)).containsExactly(3, 1, 4);
    }

    @Test
    void badNpyFilesAreNamed() throws IOException {
        Path file = dir.resolve("a.npy");
        NpyFile.writeBytes(file, new long[] {2, 3, 4}, new byte[24]);
        byte[] raw = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(raw, raw.length - 5));
        assertThatThrownBy(() -> NpyFile.readBytes(file, 3))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("a.npy is truncated: shape (2, 3, 4) needs 24 data bytes");
        assertThatThrownBy(() -> NpyFile.readBytes(file, 4))
                .hasMessageContaining("has shape (2, 3, 4); expected 4 dimensions");

        Path floats = dir.resolve("f.npy");
        String text =
                new String(raw, java.nio.charset.StandardCharsets.ISO_8859_1)
                        .replace("'|u1'", "'<f4'");
        Files.write(floats, text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> NpyFile.readBytes(floats, 3))
                .hasMessageContaining("f.npy holds dtype f4; expected uint8 (u1)");

        Path big = dir.resolve("b.npy");
        Files.write(
                big,
                text.replace("'<f4'", "'>i8'")
                        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> NpyFile.readHeader(big)).hasMessageContaining("big-endian");

        Path fortran = dir.resolve("c.npy");
        Files.write(
                fortran,
                text.replace("False", "True ")
                        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> NpyFile.readHeader(fortran)).hasMessageContaining("Fortran order");

        Path notNpy = dir.resolve("d.npy");
        Files.writeString(notNpy, "hello, this is not numpy");
        assertThatThrownBy(() -> NpyFile.readHeader(notNpy))
                .hasMessageContaining("is not a .npy file");
    }

    @Test
    void aJobWritesTheLayoutTheReaderReadsAndSkipsWhatIsDone() throws IOException {
        LabelledImages images = threeImages();
        CorruptionJob job =
                CorruptionJob.builder()
                        .optCorruptions(List.of(Corruption.CONTRAST, Corruption.GAUSSIAN_NOISE))
                        .optProfile(CorruptionProfile.CIFAR)
                        .optThreads(2)
                        .optSeed(3)
                        .build();
        job.run(images, new CifarCWriter(dir, images, job.getSeverities()));
        NpyFile.Header header = NpyFile.readHeader(dir.resolve("contrast.npy"));
        assertThat(header.shape()).containsExactly(15, 32, 32, 3);
        assertThat(NpyFile.readIntegers(dir.resolve("labels.npy")))
                .containsExactly(7, 8, 9, 7, 8, 9, 7, 8, 9, 7, 8, 9, 7, 8, 9);

        LabelledImages severe = CifarCDirectory.read(dir, Corruption.GAUSSIAN_NOISE, 4);
        assertThat(severe.size()).isEqualTo(3);
        assertThat(severe.label(2)).isEqualTo(9);
        ByteImage expected =
                Corruption.GAUSSIAN_NOISE.apply(
                        images.image(1),
                        4,
                        CorruptionProfile.CIFAR,
                        ImageSeeds.of(3, Corruption.GAUSSIAN_NOISE, 4, 1));
        assertThat(severe.image(1)).isEqualTo(expected);

        // a second run finds both files complete and leaves them untouched
        long before = Files.getLastModifiedTime(dir.resolve("contrast.npy")).toMillis();
        CifarCWriter writer = new CifarCWriter(dir, images, job.getSeverities());
        assertThat(writer.isComplete(Corruption.CONTRAST, 1)).isTrue();
        job.run(images, writer);
        assertThat(Files.getLastModifiedTime(dir.resolve("contrast.npy")).toMillis())
                .isEqualTo(before);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("contrast.npy", "gaussian_noise.npy", "labels.npy");
        }
    }

    @Test
    void theSameSeedGivesTheSameBytesWithOneOrTwoThreads() throws IOException {
        LabelledImages images = threeImages();
        for (int threads : new int[] {1, 2}) {
            Path out = dir.resolve("t" + threads);
            CorruptionJob job =
                    CorruptionJob.builder()
                            .optCorruptions(List.of(Corruption.GLASS_BLUR))
                            .optProfile(CorruptionProfile.CIFAR)
                            .optThreads(threads)
                            .build();
            job.run(images, new CifarCWriter(out, images, job.getSeverities()));
        }
        assertThat(Files.readAllBytes(dir.resolve("t1/glass_blur.npy")))
                .isEqualTo(Files.readAllBytes(dir.resolve("t2/glass_blur.npy")));
    }

    @Test
    void aMissingOrMisshapenCorruptionFileIsNamed() throws IOException {
        assertThatThrownBy(() -> CifarCDirectory.read(dir, Corruption.FOG, 1))
                .hasMessageContaining("no fog.npy in " + dir);
        NpyFile.writeBytes(dir.resolve("fog.npy"), new long[] {7, 2, 2, 3}, new byte[84]);
        NpyFile.writeLongs(dir.resolve("labels.npy"), new long[7]);
        assertThatThrownBy(() -> CifarCDirectory.read(dir, Corruption.FOG, 1))
                .hasMessageContaining("expected 5·N images and 5·N labels");
    }
}
