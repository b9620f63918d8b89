package org.djmix.vqvae;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import org.djmix.io.AtomicDirectories;

/**
 * A saved autoencoder ({@link VqVae} or {@link PlainAutoencoder}) is a directory holding {@code
 * config.json} ({@link AutoencoderConfig}) and {@code autoencoder.params} (DJL's parameter format).
 * It is written to a temporary directory beside the target and renamed into place when complete, so
 * a reader never sees a half-written model. Loading checks the config first and names the file and
 * the problem on any failure.
 */
public final class AutoencoderDirectory {

    /** The parameter file's name. */
    public static final String PARAMETERS = "autoencoder.params";

    private AutoencoderDirectory() {}

    /**
     * Saves a trained autoencoder.
     *
     * @param autoencoder the network (initialised)
     * @param imageShape the (C, H, W) it was trained on
     * @param seed the training seed
     * @param directory where to save; replaced if it exists
     * @param extraFiles more text files to write with it (e.g. {@code metrics.json}), by name
     * @throws IOException if it cannot be written
     */
    public static void save(
            ConvAutoencoder autoencoder,
            Shape imageShape,
            long seed,
            Path directory,
            Map<String, String> extraFiles)
            throws IOException {
        AtomicDirectories.write(
                directory,
                temporary -> {
                    AutoencoderConfig.of(autoencoder, imageShape, seed).write(temporary);
                    try (OutputStream file = Files.newOutputStream(temporary.resolve(PARAMETERS));
                            DataOutputStream out =
                                    new DataOutputStream(new BufferedOutputStream(file))) {
                        autoencoder.saveParameters(out);
                    }
                    for (Map.Entry<String, String> extra : extraFiles.entrySet()) {
                        Files.writeString(temporary.resolve(extra.getKey()), extra.getValue());
                    }
                });
    }

    /**
     * Loads saved parameters into a network built from the same config (to resume training).
     *
     * @param directory the saved directory
     * @param autoencoder the network, of the directory's architecture
     * @param manager where the parameters go
     * @throws IOException naming the file and the problem
     */
    public static void loadParameters(
            Path directory, ConvAutoencoder autoencoder, NDManager manager) throws IOException {
        Path parameters = directory.resolve(PARAMETERS);
        try (InputStream file = Files.newInputStream(parameters);
                DataInputStream in = new DataInputStream(new BufferedInputStream(file))) {
            autoencoder.loadParameters(manager, in);
            if (in.read() != -1) {
                throw new IOException("unexpected bytes after the last parameter");
            }
        } catch (NoSuchFileException e) {
            throw new IOException(parameters + " is missing", e);
        } catch (IOException | MalformedModelException | RuntimeException e) {
            throw new IOException(
                    parameters
                            + " is truncated or corrupt, or does not match "
                            + AutoencoderConfig.FILE
                            + ": "
                            + e,
                    e);
        }
    }

    /**
     * Loads a saved autoencoder.
     *
     * @param directory the saved directory
     * @param manager where the parameters go (their device is the manager's)
     * @return the config and the network
     * @throws IOException naming the file and what is wrong: missing, not JSON, another format,
     *     truncated or corrupt parameters
     */
    public static Loaded load(Path directory, NDManager manager) throws IOException {
        if (!Files.isDirectory(directory)) {
            throw new IOException("no saved autoencoder at " + directory + ": not a directory");
        }
        AutoencoderConfig config = AutoencoderConfig.read(directory);
        ConvAutoencoder autoencoder;
        try {
            autoencoder = config.newBlock();
        } catch (IllegalArgumentException e) {
            throw new IOException(
                    directory.resolve(AutoencoderConfig.FILE)
                            + " describes no valid autoencoder: "
                            + e.getMessage(),
                    e);
        }
        loadParameters(directory, autoencoder, manager);
        return new Loaded(config, autoencoder);
    }

    /**
     * A loaded autoencoder.
     *
     * @param config what config.json says
     * @param autoencoder the network with its parameters
     */
    public record Loaded(AutoencoderConfig config, ConvAutoencoder autoencoder) {}
}
