package org.djmix.core.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import org.djmix.core.nn.Scalars;

/**
 * The \(k\)-way Jensen–Shannon divergence of softmax outputs, DJMix's consistency term (\(k = 2\))
 * and AugMix's (\(k = 3\)): with \(p_i = \mathrm{softmax}(z_i)\) and \(M = \mathrm{clamp}(\tfrac1k
 * \sum_i p_i, 10^{-7}, 1)\),
 *
 * <p>\(\mathrm{JS} = \frac1k \sum_i \mathrm{KL}(p_i \| M)\), \(\mathrm{KL}(p\|M) = \sum_c p_c (\log
 * p_c - \log M_c)\) with \(0 \log 0 = 0\),
 *
 * <p>summed over classes and averaged over the batch (and pixels). It is symmetric, zero for equal
 * inputs and at most \(\ln k\).
 */
public class JensenShannonLoss extends ConsistencyLoss {

    /** Creates the loss over class axis 1, for 2 to any number of views. */
    public JensenShannonLoss() {
        this("JensenShannonLoss", 1);
    }

    /**
     * Creates the loss.
     *
     * @param name the name shown in logs
     * @param classAxis the class axis of the logits
     */
    public JensenShannonLoss(String name, int classAxis) {
        super(name, classAxis, 2, Integer.MAX_VALUE);
    }

    @Override
    protected NDArray divergence(NDList logits) {
        int axis = classAxis();
        NDList logP = new NDList(logits.size());
        NDArray mixture = null;
        for (NDArray z : logits) {
            NDArray lp = z.logSoftmax(axis);
            logP.add(lp);
            mixture = mixture == null ? lp.exp() : mixture.add(lp.exp());
        }
        int k = logits.size();
        NDArray logM = Scalars.div(mixture, k).clip(1e-7f, 1f).log();
        NDArray sum = null;
        for (NDArray lp : logP) {
            NDArray kl = lp.exp().mul(lp.sub(logM));
            sum = sum == null ? kl : sum.add(kl);
        }
        return Scalars.div(meanOverPositions(sum), k);
    }
}
