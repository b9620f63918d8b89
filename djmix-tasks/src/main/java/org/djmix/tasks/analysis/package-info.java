/**
 * The paper's analysis figures: Fourier sensitivity heat maps (Yin et al. 2019) and the sweep over
 * the Beta distribution's parameters.
 */
package org.djmix.tasks.analysis;
