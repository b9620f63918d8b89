/**
 * The DJMix method (\(\tilde{x} = \beta x + (1-\beta) g(x)\), loss \(\ell(f(\tilde{x}), y) +
 * \gamma\,\mathrm{JS}(f(\tilde{x}), f(x))\)) in DJL's terms: a discretizer seam, Beta mixing, the
 * views a batch becomes and a block that wraps any model.
 */
package org.djmix.core;
