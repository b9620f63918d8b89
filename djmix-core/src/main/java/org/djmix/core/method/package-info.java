/**
 * The paper's training methods (baseline, mixup, AugMix, DJMix, DJMix+RA and the ablations) as
 * pairs of a block wrapping \(f\) and a loss wrapping \(\ell\), selectable by name.
 */
package org.djmix.core.method;
