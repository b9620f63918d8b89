package org.djmix.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads archives written in the real format (zip of .npy) by the test. */
class NpzFileTest {

    @TempDir Path dir;

    private static byte[] npy(String descr, long[] shape, ByteBuffer data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        NpyFile.writeHeader(out, descr, shape);
        out.write(data.array(), 0, data.position());
        return out.toByteArray();
    }

    private static ByteBuffer buffer(int bytes) {
        return ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    private Path zip(boolean deflate, Object... nameAndBytes) throws IOException {
        Path file = dir.resolve("w.npz");
        try (OutputStream raw = Files.newOutputStream(file);
                ZipOutputStream zip = new ZipOutputStream(raw)) {
            zip.setLevel(deflate ? 6 : 0);
            for (int i = 0; i < nameAndBytes.length; i += 2) {
                zip.putNextEntry(new ZipEntry((String) nameAndBytes[i]));
                zip.write((byte[]) nameAndBytes[i + 1]);
                zip.closeEntry();
            }
        }
        return file;
    }

    @Test
    void readsFloatDoubleAndIntegerArraysWithTheirNamesAndShapes() throws IOException {
        ByteBuffer weight = buffer(24);
        for (int i = 0; i < 6; i++) {
            weight.putFloat(i * 0.5f - 1);
        }
        ByteBuffer mean = buffer(16).putDouble(0.25).putDouble(-3);
        ByteBuffer tracked = buffer(8).putLong(42);
        Path file =
                zip(
                        true,
                        "layer1.0.conv1.weight.npy",
                        npy("<f4", new long[] {2, 3}, weight),
                        "bn.running_mean.npy",
                        npy("<f8", new long[] {2}, mean),
                        "bn.num_batches_tracked.npy",
                        npy("<i8", new long[] {}, tracked));
        Map<String, NpzFile.Array> arrays = NpzFile.read(file);
        assertThat(arrays.keySet())
                .containsExactly(
                        "layer1.0.conv1.weight", "bn.running_mean", "bn.num_batches_tracked");
        NpzFile.Array w = arrays.get("layer1.0.conv1.weight");
        assertThat(w.shape()).containsExactly(2, 3);
        assertThat(w.toFloats()).containsExactly(-1f, -0.5f, 0f, 0.5f, 1f, 1.5f);
        assertThat(arrays.get("bn.running_mean").toFloats()).containsExactly(0.25f, -3f);
        NpzFile.Array scalar = arrays.get("bn.num_batches_tracked");
        assertThat(scalar.shape()).isEmpty();
        assertThat(scalar.elements()).isEqualTo(1);
        assertThat(scalar.toFloats()).containsExactly(42f);
    }

    @Test
    void badArchivesAreNamedWithTheEntry() throws IOException {
        Path notZip = Files.writeString(dir.resolve("x.npz"), "not a zip");
        assertThatThrownBy(() -> NpzFile.read(notZip))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(notZip + " is not an .npz");

        Path other = zip(false, "readme.txt", new byte[] {1});
        assertThatThrownBy(() -> NpzFile.read(other))
                .hasMessageContaining("holds 'readme.txt'; an .npz archive holds only NAME.npy");

        byte[] full = npy("<f4", new long[] {4}, buffer(16).putFloat(1).putFloat(2));
        Path truncated = zip(true, "a.weight.npy", full);
        assertThatThrownBy(() -> NpzFile.read(truncated))
                .hasMessageContaining(
                        "w.npz[a.weight] is truncated: shape (4,) needs 16 data bytes");
    }
}
