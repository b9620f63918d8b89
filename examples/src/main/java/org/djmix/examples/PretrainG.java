package org.djmix.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.djmix.tasks.data.DataSpec;
import org.djmix.tasks.data.ImageDataset;
import org.djmix.vqvae.EpochMetrics;
import org.djmix.vqvae.VqVae;
import org.djmix.vqvae.VqVaeTrainer;

/**
 * Use case: pre-train the discretizing autoencoder g, a VQ-VAE trained without labels to minimise
 * \(\|g(x) - x\|^2\), and save it for DJMix. Run it from the IDE with no arguments: one epoch on 6
 * 000 Fashion-MNIST images (the synthetic shapes where Fashion-MNIST is not installed), saved to
 * {@code runs/example-g}.
 */
public final class PretrainG {

    /** Where the examples keep g. */
    static final Path DIRECTORY = Path.of("runs", "example-g");

    private PretrainG() {}

    /**
     * Pre-trains g and prints its test error and how many codes it uses.
     *
     * @param args none
     * @throws IOException if data or the output cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        EpochMetrics last = pretrain(ExampleData.spec(), 6_000, 1, DIRECTORY);
        System.out.printf(
                "g saved to runs/example-g: test MSE %.4f, %d of 512 codes in use%n",
                last.testMse(), last.codesUsed());
    }

    /**
     * Returns {@link #DIRECTORY}, pre-training g there first (as {@link #main} does) if it is
     * missing.
     *
     * @return the directory of a saved g
     * @throws IOException if data or the output cannot be read or written
     */
    static Path savedOrPretrained() throws IOException {
        if (!Files.isDirectory(DIRECTORY)) {
            pretrain(ExampleData.spec(), 6_000, 1, DIRECTORY);
        }
        return DIRECTORY;
    }

    /**
     * Pre-trains the paper's VQ-VAE.
     *
     * @param data a data spec, e.g. {@code fashion-mnist:DIR}
     * @param images how many training images to use
     * @param epochs how many epochs
     * @param out where g is saved (a directory)
     * @return the last epoch's metrics
     * @throws IOException if data or the output cannot be read or written
     */
    static EpochMetrics pretrain(String data, int images, int epochs, Path out) throws IOException {
        ExampleData.prepareNative();
        DataSpec spec = DataSpec.parse(data);
        // sampling is chosen by the trainer (shuffled batches of 128); labels are not used
        ImageDataset train = spec.read(true, images).setSampling(1, false).build();
        ImageDataset test = spec.read(false, 1_000).setSampling(1, false).build();
        VqVae g = VqVae.builder().setChannels((int) train.getImageShape().get(0)).build();
        List<EpochMetrics> history =
                VqVaeTrainer.builder()
                        .optEpochs(epochs)
                        .build()
                        .train(g, train, test, train.getImageShape(), out);
        return history.get(history.size() - 1);
    }
}
