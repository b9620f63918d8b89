/** The ImageNet-C / CIFAR-10-C corruption suite (arrives with issue 4). */
package org.djmix.corruptions;
