package org.djmix.vqvae;

import ai.djl.ndarray.types.Shape;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * What a saved VQ-VAE directory's {@code config.json} records: the format, the library that wrote
 * it, the image shape g was trained on, the architecture and the training seed. Loading checks it
 * before any parameter is read.
 *
 * @param format the file format version ({@link #FORMAT})
 * @param library the library and version that wrote it
 * @param architecture always {@code "vqvae"}
 * @param channels image channels
 * @param height image height
 * @param width image width
 * @param hiddenChannels h
 * @param residualBlocks residual blocks per stack
 * @param residualChannels channels inside a residual block
 * @param codeDim D
 * @param codebookSize K
 * @param commitment \(\beta\)
 * @param decay \(\gamma\)
 * @param epsilon \(\epsilon\)
 * @param revivalInterval dead-code revival interval
 * @param seed the training seed
 */
public record VqVaeConfig(
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
        int codebookSize,
        float commitment,
        float decay,
        float epsilon,
        int revivalInterval,
        long seed) {

    /** The format this version of djmix writes and reads. */
    public static final int FORMAT = 1;

    /** The name of the file in a saved directory. */
    public static final String FILE = "config.json";

    private static final String ARCHITECTURE = "vqvae";
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

    /**
     * Describes a VQ-VAE trained on images of a given shape.
     *
     * @param vqvae the network
     * @param imageShape (C, H, W)
     * @param seed the training seed
     * @return the config
     */
    public static VqVaeConfig of(VqVae vqvae, Shape imageShape, long seed) {
        VectorQuantizer q = vqvae.getQuantizer();
        return new VqVaeConfig(
                FORMAT,
                "djmix " + libraryVersion(),
                ARCHITECTURE,
                (int) imageShape.get(0),
                (int) imageShape.get(1),
                (int) imageShape.get(2),
                vqvae.getHiddenChannels(),
                vqvae.getResidualBlocks(),
                vqvae.getResidualChannels(),
                q.getCodeDim(),
                q.getCodebookSize(),
                q.getCommitment(),
                q.getDecay(),
                q.getEpsilon(),
                q.getRevivalInterval(),
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
     */
    public VqVae newBlock() {
        return VqVae.builder()
                .setChannels(channels)
                .optHiddenChannels(hiddenChannels)
                .optResidual(residualBlocks, residualChannels)
                .optQuantizer(
                        VectorQuantizer.builder()
                                .optCodeDim(codeDim)
                                .optCodebookSize(codebookSize)
                                .optCommitment(commitment)
                                .optDecay(decay)
                                .optEpsilon(epsilon)
                                .optRevivalInterval(revivalInterval)
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
        Files.writeString(directory.resolve(FILE), GSON.toJson(this), StandardCharsets.UTF_8);
    }

    /**
     * Reads and checks a directory's {@code config.json}.
     *
     * @param directory the saved model's directory
     * @return the config
     * @throws IOException naming the file and what is wrong with it
     */
    public static VqVaeConfig read(Path directory) throws IOException {
        Path file = directory.resolve(FILE);
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IOException(directory + " is not a saved VQ-VAE: " + FILE + " is missing", e);
        }
        VqVaeConfig config;
        try {
            config = GSON.fromJson(json, VqVaeConfig.class);
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
        if (!ARCHITECTURE.equals(config.architecture())) {
            throw new IOException(
                    file + " describes a '" + config.architecture() + "', expected 'vqvae'");
        }
        return config;
    }

    private static String libraryVersion() {
        String version = VqVaeConfig.class.getPackage().getImplementationVersion();
        return version == null ? "development build" : version;
    }
}
