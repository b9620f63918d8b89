/**
 * AugMix (Hendrycks et al. 2020): its 13 operations with PIL's semantics, chains, the mixing
 * \(x_{aug} = (1-m)x + m\sum_i w_i\,\mathrm{chain}_i(x)\), and its training views.
 */
package org.djmix.augment;
