package org.djmix.core;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.math3.random.RandomGenerator;
import org.djmix.core.platform.GlibcMalloc;

/**
 * A wrapper that is exactly the model \(f\) in inference and a randomised use of \(f\) in training
 * (DJMix's views, mixup's mixing). Each training forward draws its randomness from a generator that
 * depends only on (seed, step), so a run is repeatable and a resumed run continues the same stream
 * after {@link #setStep(long)}. Creating one applies djmix's allocator policy ({@link
 * GlibcMalloc#configure()}), so the block trains at full speed in a user's own DJL loop too.
 */
public abstract class AbstractTrainingBlock extends AbstractBlock {

    private final Block model;
    private final RandomStreams streams;
    private final AtomicLong step = new AtomicLong();

    /**
     * Wraps a model.
     *
     * @param version the block's version
     * @param model \(f\)
     * @param seed the seed of the training randomness
     */
    protected AbstractTrainingBlock(byte version, Block model, long seed) {
        super(version);
        GlibcMalloc.configure();
        this.model = addChildBlock("model", model);
        this.streams = new RandomStreams(seed).derive(getClass().getSimpleName());
    }

    /**
     * Returns the wrapped model \(f\) (what to save for inference).
     *
     * @return \(f\)
     */
    public Block getModel() {
        return model;
    }

    /**
     * Returns how many training forwards have run (the index of the next step's random stream).
     *
     * @return the step count
     */
    public long getStep() {
        return step.get();
    }

    /**
     * Sets the step count, to resume a run where it stopped.
     *
     * @param step the number of training forwards already done
     */
    public void setStep(long step) {
        this.step.set(step);
    }

    @Override
    protected final NDList forwardInternal(
            ParameterStore parameterStore,
            NDList inputs,
            boolean training,
            PairList<String, Object> params) {
        if (!training) {
            return model.forward(parameterStore, inputs, false, params);
        }
        NDArray images = checkImages(inputs);
        RandomGenerator random = streams.generator(step.getAndIncrement());
        return trainingForward(parameterStore, images, inputs.subNDList(1), null, random, params);
    }

    /**
     * Runs a training forward that also hands the batch's labels to the model (DJL's {@code
     * Trainer.forward(data, labels)}, which {@code EasyTrain} calls): models whose training forward
     * needs its targets, such as a detector's proposal sampling, read them there.
     */
    @Override
    protected final NDList forwardInternal(
            ParameterStore parameterStore,
            NDList data,
            NDList labels,
            PairList<String, Object> params) {
        NDArray images = checkImages(data);
        RandomGenerator random = streams.generator(step.getAndIncrement());
        return trainingForward(parameterStore, images, data.subNDList(1), labels, random, params);
    }

    /**
     * Runs one training forward.
     *
     * @param parameterStore the parameter store
     * @param images the batch's images, NCHW float
     * @param rest the inputs after the images (usually none)
     * @param labels the batch's labels when the trainer passes them, else null
     * @param random this step's random source
     * @param params extra parameters for the model
     * @return the outputs the matching loss reads
     */
    protected abstract NDList trainingForward(
            ParameterStore parameterStore,
            NDArray images,
            NDList rest,
            NDList labels,
            RandomGenerator random,
            PairList<String, Object> params);

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return model.getOutputShapes(inputShapes);
    }

    @Override
    protected void initializeChildBlocks(
            NDManager manager, DataType dataType, Shape... inputShapes) {
        model.initialize(manager, dataType, inputShapes);
    }

    private static NDArray checkImages(NDList inputs) {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("inputs must hold the images, got an empty NDList");
        }
        NDArray images = inputs.head();
        Shape shape = images.getShape();
        if (shape.dimension() != 4 || shape.get(0) == 0) {
            throw new IllegalArgumentException(
                    "images must be NCHW (rank 4, N > 0), got shape " + shape);
        }
        if (!images.getDataType().isFloating()) {
            throw new IllegalArgumentException(
                    "images must be floating point in [0, 1], got " + images.getDataType());
        }
        return images;
    }
}
