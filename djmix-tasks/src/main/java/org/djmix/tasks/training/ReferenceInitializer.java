package org.djmix.tasks.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.XavierInitializer;

/**
 * The weight initialisation of the reference networks (AugMix's CIFAR networks, torchvision's
 * ResNets): convolution kernels get He's normal initialisation with fan-out, \(W \sim
 * \mathcal{N}(0, 2/(c_{out} k_h k_w))\); fully connected weights keep PyTorch's default, \(W \sim
 * \mathcal{U}(-1/\sqrt{c_{in}}, 1/\sqrt{c_{in}})\). Biases are not touched (DJL zeroes them, as the
 * references do).
 */
public final class ReferenceInitializer implements Initializer {

    private static final Initializer CONVOLUTION =
            new XavierInitializer(
                    XavierInitializer.RandomType.GAUSSIAN, XavierInitializer.FactorType.OUT, 2);
    private static final Initializer FULLY_CONNECTED =
            new XavierInitializer(
                    XavierInitializer.RandomType.UNIFORM, XavierInitializer.FactorType.IN, 1);

    /** {@inheritDoc} */
    @Override
    public NDArray initialize(NDManager manager, Shape shape, DataType dataType) {
        Initializer rule = shape.dimension() > 2 ? CONVOLUTION : FULLY_CONNECTED;
        return rule.initialize(manager, shape, dataType);
    }
}
