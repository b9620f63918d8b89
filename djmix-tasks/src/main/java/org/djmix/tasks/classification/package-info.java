/** Image classification models for DJMix training: WideResNet and a small CNN. */
package org.djmix.tasks.classification;
