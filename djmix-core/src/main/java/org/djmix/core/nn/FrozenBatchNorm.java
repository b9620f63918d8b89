package org.djmix.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.util.PairList;

/**
 * BatchNorm with fixed statistics and affine parameters, as torchvision's {@code FrozenBatchNorm2d}
 * (the normalisation of detection backbones, whose batches of one or two large images give useless
 * batch statistics): \(y = \gamma \frac{x - \mu}{\sqrt{\sigma^2 + \epsilon}} + \beta\) in training
 * and inference alike, ε = 1e-5, with γ, β, μ, σ² loaded from a pretrained model and never updated.
 * Its parameters carry BatchNorm's names, so weights load as they would into DJL's {@code
 * BatchNorm}.
 */
public final class FrozenBatchNorm extends AbstractBlock {

    private static final byte VERSION = 1;
    private static final float EPSILON = 1e-5f;

    private final Parameter gamma;
    private final Parameter beta;
    private final Parameter runningMean;
    private final Parameter runningVar;

    /** Creates the block; the channel count comes from the first input (axis 1). */
    public FrozenBatchNorm() {
        super(VERSION);
        gamma = addParameter(fixed("gamma", Parameter.Type.GAMMA, 1));
        beta = addParameter(fixed("beta", Parameter.Type.BETA, 0));
        runningMean = addParameter(fixed("runningMean", Parameter.Type.RUNNING_MEAN, 0));
        runningVar = addParameter(fixed("runningVar", Parameter.Type.RUNNING_VAR, 1));
    }

    private static Parameter fixed(String name, Parameter.Type type, float value) {
        return Parameter.builder()
                .setName(name)
                .setType(type)
                .optInitializer(new ConstantInitializer(value))
                .optRequiresGrad(false)
                .build();
    }

    @Override
    protected void prepare(Shape[] inputShapes) {
        Shape channels = new Shape(inputShapes[0].get(1));
        for (Parameter p : new Parameter[] {gamma, beta, runningMean, runningVar}) {
            p.setShape(channels);
        }
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore,
            NDList inputs,
            boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray g = parameterStore.getValue(gamma, x.getDevice(), false);
        NDArray b = parameterStore.getValue(beta, x.getDevice(), false);
        NDArray mean = parameterStore.getValue(runningMean, x.getDevice(), false);
        NDArray var = parameterStore.getValue(runningVar, x.getDevice(), false);
        NDArray scale = g.mul(var.add(EPSILON).pow(-0.5f));
        NDArray shift = b.sub(mean.mul(scale));
        Shape perChannel = new Shape(1, scale.getShape().get(0), 1, 1);
        return new NDList(x.mul(scale.reshape(perChannel)).add(shift.reshape(perChannel)));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
