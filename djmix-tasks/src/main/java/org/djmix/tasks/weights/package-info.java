/** Weights from PyTorch: torchvision parameter names read from NumPy {@code .npz} files. */
package org.djmix.tasks.weights;
