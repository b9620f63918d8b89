package org.djmix.augment;

import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;
import org.djmix.image.ByteImage;

/**
 * One AugMix chain: \(d\) ops drawn uniformly (with replacement) from a list and applied in turn,
 * \(d\) fixed or uniform in {1, 2, 3}. Alone (width 1, no mixing) it is the "RA" of DJMix+RA.
 */
public final class AugMixChain implements ImageAugmentation {

    private final List<AugMixOp> ops;
    private final int depth;
    private final double severity;

    /**
     * Creates a chain.
     *
     * @param ops the ops to draw from, not empty
     * @param depth the chain length, or 0 for uniform in {1, 2, 3}
     * @param severity the op severity \(s\), in (0.1, 10]
     */
    public AugMixChain(List<AugMixOp> ops, int depth, double severity) {
        if (ops.isEmpty()) {
            throw new IllegalArgumentException("ops must not be empty");
        }
        if (depth < 0) {
            throw new IllegalArgumentException(
                    "depth must be >= 0 (0 = random 1..3), got " + depth);
        }
        if (!(severity > 0.1 && severity <= 10)) {
            throw new IllegalArgumentException("severity must be in (0.1, 10], got " + severity);
        }
        this.ops = List.copyOf(ops);
        this.depth = depth;
        this.severity = severity;
    }

    /**
     * Applies the chain and returns the 8-bit result.
     *
     * @param image the input, left unchanged
     * @param random the random source
     * @return a new image
     */
    public ByteImage chain(ByteImage image, RandomGenerator random) {
        int length = depth > 0 ? depth : 1 + random.nextInt(3);
        ByteImage out = image;
        for (int i = 0; i < length; i++) {
            AugMixOp op = ops.get(random.nextInt(ops.size()));
            out = op.apply(out, severity, random);
        }
        return out == image ? image.copy() : out;
    }

    @Override
    public float[] apply(ByteImage image, RandomGenerator random) {
        return chain(image, random).toUnitFloats();
    }
}
