/**
 * DJMix's objective \(\ell(f(\tilde{x}), y) + \gamma\,d(f(\tilde{x}), f(x))\) as DJL losses: the
 * consistency divergences (Jensen–Shannon, KL, L2), their combination with a task loss, and mixup's
 * loss.
 */
package org.djmix.core.loss;
