package org.djmix.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir Path dir;

    private long filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.count();
        }
    }

    @Test
    void writesWholeFilesAndCreatesFolders() throws IOException {
        Path target = dir.resolve("a/b/report.md");
        AtomicFiles.writeString(target, "one");
        AtomicFiles.writeString(target, "two");
        assertThat(Files.readString(target)).isEqualTo("two");
        assertThat(filesIn(target.getParent())).isEqualTo(1);
    }

    @Test
    void aFailedWriteLeavesTheOldFileAndNoTemporary() throws IOException {
        Path target = dir.resolve("data.bin");
        AtomicFiles.writeString(target, "complete");
        assertThatThrownBy(
                        () ->
                                AtomicFiles.write(
                                        target,
                                        out -> {
                                            out.write(new byte[10]);
                                            throw new IOException("disk full");
                                        }))
                .hasMessage("disk full");
        assertThat(Files.readString(target)).isEqualTo("complete");
        assertThat(filesIn(dir)).isEqualTo(1);
    }

    @Test
    void anUnwritableFolderIsNamed() throws IOException {
        Path file = dir.resolve("plain-file");
        Files.writeString(file, "x");
        assertThatThrownBy(() -> AtomicFiles.writeString(file.resolve("out.txt"), "y"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("cannot create the folder " + file);
    }
}
