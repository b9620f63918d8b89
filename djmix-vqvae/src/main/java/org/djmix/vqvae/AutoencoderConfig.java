package org.djmix.vqvae;

import ai.djl.ndarray.types.Shape;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.djmix.core.training.RunJson;

/**
 * What a saved autoencoder directory's {@code config.json} records: the format, the library that
 * wrote it, the architecture ({@code "vqvae"} or {@code "plain"}), the image shape g was trained
 * on, the network's sizes, the quantiser's settings (VQ-VAE only) and the training seed. Loading
 * checks it before any parameter is read.
 *
 * @param format the file format version ({@link #FORMAT})
 * @param library the library and version that wrote it
 * @param architecture {@link #VQVAE} or {@link #PLAIN}
 * @param channels image channels
 * @param height image height
 * @param width image width
 * @param hiddenChannels h
 * @param residualBlocks residual blocks per stack
 * @param residualChannels channels inside a residual block
 * @param codeDim D
 * @param upsampling the decoder's upsampling ({@link Upsampling#NEAREST_CONV} when absent, as in
 *     the first saved models)
 * @param quantizer the quantiser's settings; null for {@link #PLAIN}
 * @param seed the training seed
 */
public record AutoencoderConfig(
        int format,
        String library,
        String architecture,
        int channels,
        int height,
        int width,
        int hiddenChannels,
        int residualBlocks,
        int residualChannels,
        int codeDim,
        Upsampling upsampling,
        Quantizer quantizer,
        long seed) {

    /** The format this version of djmix writes and reads. */
    public static final int FORMAT = 1;

    /** The name of the file in a saved directory. */
    public static final String FILE = "config.json";

    /** The architecture name of a {@link VqVae}. */
    public static final String VQVAE = "vqvae";

    /** The architecture name of a {@link PlainAutoencoder}. */
    public static final String PLAIN = "plain";

    /**
     * A VQ-VAE's quantiser settings.
     *
     * @param codebookSize K
     * @param commitment \(\beta\)
     * @param decay \(\gamma\)
     * @param epsilon \(\epsilon\)
     * @param revivalInterval dead-code revival interval
     */
    public record Quantizer(
            int codebookSize, float commitment, float decay, float epsilon, int revivalInterval) {}

    /**
     * Describes an autoencoder trained on images of a given shape.
     *
     * @param autoencoder the network
     * @param imageShape (C, H, W)
     * @param seed the training seed
     * @return the config
     */
    public static AutoencoderConfig of(ConvAutoencoder autoencoder, Shape imageShape, long seed) {
        Quantizer quantizer = null;
        if (autoencoder instanceof VqVae vqvae) {
            VectorQuantizer q = vqvae.getQuantizer();
            quantizer =
                    new Quantizer(
                            q.getCodebookSize(),
                            q.getCommitment(),
                            q.getDecay(),
                            q.getEpsilon(),
                            q.getRevivalInterval());
        }
        return new AutoencoderConfig(
                FORMAT,
                "djmix " + libraryVersion(),
                quantizer == null ? PLAIN : VQVAE,
                (int) imageShape.get(0),
                (int) imageShape.get(1),
                (int) imageShape.get(2),
                autoencoder.getHiddenChannels(),
                autoencoder.getResidualBlocks(),
                autoencoder.getResidualChannels(),
                autoencoder.getCodeDim(),
                autoencoder.getUpsampling(),
                quantizer,
                seed);
    }

    /**
     * Returns the image shape g works on.
     *
     * @return (C, H, W)
     */
    public Shape imageShape() {
        return new Shape(channels, height, width);
    }

    /**
     * Builds an (uninitialised) network of this architecture.
     *
     * @return the network
     * @throws IllegalArgumentException if a size is invalid
     */
    public ConvAutoencoder newBlock() {
        Upsampling decoderUpsampling = upsampling == null ? Upsampling.NEAREST_CONV : upsampling;
        if (quantizer == null) {
            return PlainAutoencoder.builder()
                    .setChannels(channels)
                    .optHiddenChannels(hiddenChannels)
                    .optResidual(residualBlocks, residualChannels)
                    .optUpsampling(decoderUpsampling)
                    .optCodeDim(codeDim)
                    .build();
        }
        return VqVae.builder()
                .setChannels(channels)
                .optHiddenChannels(hiddenChannels)
                .optResidual(residualBlocks, residualChannels)
                .optUpsampling(decoderUpsampling)
                .optQuantizer(
                        VectorQuantizer.builder()
                                .optCodeDim(codeDim)
                                .optCodebookSize(quantizer.codebookSize())
                                .optCommitment(quantizer.commitment())
                                .optDecay(quantizer.decay())
                                .optEpsilon(quantizer.epsilon())
                                .optRevivalInterval(quantizer.revivalInterval())
                                .optSeed(seed))
                .build();
    }

    /**
     * Writes {@code config.json} into a directory.
     *
     * @param directory the directory
     * @throws IOException if it cannot be written
     */
    public void write(Path directory) throws IOException {
        Files.writeString(
                directory.resolve(FILE), RunJson.GSON.toJson(this), StandardCharsets.UTF_8);
    }

    /**
     * Reads and checks a directory's {@code config.json}.
     *
     * @param directory the saved model's directory
     * @return the config
     * @throws IOException naming the file and what is wrong with it
     */
    public static AutoencoderConfig read(Path directory) throws IOException {
        Path file = directory.resolve(FILE);
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IOException(
                    directory + " is not a saved autoencoder: " + FILE + " is missing", e);
        }
        AutoencoderConfig config;
        try {
            config = RunJson.GSON.fromJson(json, AutoencoderConfig.class);
        } catch (JsonParseException e) {
            throw new IOException(file + " is not valid JSON: " + e.getMessage(), e);
        }
        if (config == null) {
            throw new IOException(file + " is empty");
        }
        if (config.format() != FORMAT) {
            throw new IOException(
                    file
                            + " has format version "
                            + config.format()
                            + "; this djmix ("
                            + libraryVersion()
                            + ") reads format "
                            + FORMAT);
        }
        boolean vqvae = VQVAE.equals(config.architecture()) && config.quantizer() != null;
        boolean plain = PLAIN.equals(config.architecture()) && config.quantizer() == null;
        if (!vqvae && !plain) {
            throw new IOException(
                    file
                            + " describes a '"
                            + config.architecture()
                            + "'"
                            + (config.quantizer() == null ? " without" : " with")
                            + " quantizer settings; expected '"
                            + VQVAE
                            + "' with them or '"
                            + PLAIN
                            + "' without");
        }
        return config;
    }

    private static String libraryVersion() {
        String version = AutoencoderConfig.class.getPackage().getImplementationVersion();
        return version == null ? "development build" : version;
    }
}
