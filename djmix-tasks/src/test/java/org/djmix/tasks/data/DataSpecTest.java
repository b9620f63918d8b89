package org.djmix.tasks.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DataSpecTest {

    @Test
    void parsesEveryKind() {
        assertThat(DataSpec.parse("fashion-mnist:/data/fm"))
                .isEqualTo(new DataSpec("fashion-mnist", Path.of("/data/fm"), 0));
        assertThat(DataSpec.parse("cifar10:c10").directory()).isEqualTo(Path.of("c10"));
        assertThat(DataSpec.parse("cifar100:c100").kind()).isEqualTo("cifar100");
        assertThat(DataSpec.parse("imagefolder:/x/y@64"))
                .isEqualTo(new DataSpec("imagefolder", Path.of("/x/y"), 64));
        assertThat(DataSpec.parse("shapes")).isEqualTo(new DataSpec("shapes", null, 0));
        assertThat(DataSpec.parse("imagefolder:/x/y@64").toString())
                .isEqualTo("imagefolder:/x/y@64");
    }

    @Test
    void badSpecsSayWhatIsAccepted() {
        assertThatThrownBy(() -> DataSpec.parse("mnist:/d"))
                .hasMessageContaining("unknown data kind 'mnist' in 'mnist:/d'")
                .hasMessageContaining("cifar10:DIR");
        assertThatThrownBy(() -> DataSpec.parse("cifar10"))
                .hasMessageContaining("data spec 'cifar10' must be one of");
        assertThatThrownBy(() -> DataSpec.parse("imagefolder:/d@30"))
                .hasMessageContaining("must be a positive multiple of 4, got '30'");
    }

    @Test
    void aMissingDirectoryIsNamed() {
        assertThatThrownBy(() -> DataSpec.parse("cifar10:/no/such/dir").read(true))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("cifar10 directory /no/such/dir does not exist");
    }

    @Test
    void aLimitKeepsTheFirstImagesAndMustBePositive() throws IOException {
        DataSpec shapes = DataSpec.parse("shapes");
        ImageDataset all = shapes.read(false).setSampling(1, false).build();
        ImageDataset first = shapes.read(false, 7).setSampling(1, false).build();
        assertThat(first.size()).isEqualTo(7);
        assertThat(first.imageBytes(6)).isEqualTo(all.imageBytes(6));
        assertThatThrownBy(() -> shapes.read(true, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the image limit must be at least 1, got 0");
    }
}
