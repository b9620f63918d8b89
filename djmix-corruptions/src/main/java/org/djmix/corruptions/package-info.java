/**
 * The ImageNet-C / CIFAR-10-C corruption suite: 15 benchmark and 4 validation corruptions × 5
 * severities, seeded, with the reference's parameters and semantics.
 */
package org.djmix.corruptions;
