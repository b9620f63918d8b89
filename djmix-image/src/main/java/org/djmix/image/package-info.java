/**
 * Pure-Java 8-bit images and the primitives (point operations, affine warps, enhancers) that
 * augmentations and corruptions share, with PIL's integer semantics.
 */
package org.djmix.image;
