package org.djmix.tasks.eval;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.djmix.tasks.classification.ClassificationModels;
import org.djmix.tasks.training.RunConfig;

/**
 * Loads the classifier f saved in a training run's directory ({@code djmix train --out}), and any
 * task's trained parameters.
 */
public final class TrainedClassifiers {

    private static final String PARAMETERS = "model.params";

    private TrainedClassifiers() {}

    /**
     * Checks, without loading anything, that a run's model suits the images it will see.
     *
     * @param run the run directory
     * @param imageShape (C, H, W) of the evaluation images
     * @param numClasses the evaluation data's class count
     * @return the run's settings
     * @throws IOException naming the directory and the problem: not a run, another shape or class
     *     count
     */
    public static RunConfig check(Path run, Shape imageShape, int numClasses) throws IOException {
        if (!Files.isDirectory(run)) {
            throw new IOException("no training run at " + run + ": not a directory");
        }
        RunConfig config = RunConfig.read(run);
        Shape trained = new Shape(config.imageShape());
        if (!trained.equals(imageShape)) {
            throw new IOException(
                    run + " was trained on images " + trained + ", the data has " + imageShape);
        }
        if (config.numClasses() != numClasses) {
            throw new IOException(
                    run
                            + " was trained for "
                            + config.numClasses()
                            + " classes, the data has "
                            + numClasses);
        }
        return config;
    }

    /**
     * Loads a run's model, checking it suits the images it will see.
     *
     * @param run the run directory
     * @param manager where the parameters go
     * @param imageShape (C, H, W) of the evaluation images
     * @param numClasses the evaluation data's class count
     * @param batchSize images per forward
     * @return the classifier
     * @throws IOException naming the directory and the problem: not a run, another shape or class
     *     count, missing or corrupt parameters
     */
    public static ImageClassifier load(
            Path run, NDManager manager, Shape imageShape, int numClasses, int batchSize)
            throws IOException {
        RunConfig config = check(run, imageShape, numClasses);
        Block model = ClassificationModels.create(config.model(), config.numClasses());
        model.initialize(manager, DataType.FLOAT32, new Shape(1).addAll(imageShape));
        loadParameters(model, run, manager);
        return new ImageClassifier(model, manager, imageShape, batchSize);
    }

    /**
     * Loads a run's trained parameters into its model, built and initialised as the run's config
     * says (any task).
     *
     * @param model the model
     * @param run the run directory
     * @param manager where the parameters go
     * @throws IOException naming the file if it is missing, truncated or from another model
     */
    public static void loadParameters(Block model, Path run, NDManager manager) throws IOException {
        Path parameters = run.resolve(PARAMETERS);
        try (InputStream file = Files.newInputStream(parameters);
                DataInputStream in = new DataInputStream(new BufferedInputStream(file))) {
            model.loadParameters(manager, in);
        } catch (NoSuchFileException e) {
            throw new IOException(parameters + " is missing", e);
        } catch (MalformedModelException | RuntimeException e) {
            throw new IOException(parameters + " is truncated or corrupt: " + e, e);
        }
    }
}
