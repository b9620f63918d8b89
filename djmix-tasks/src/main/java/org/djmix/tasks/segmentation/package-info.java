/**
 * Semantic segmentation: DeepLab-v3 (torchvision's design and parameter names), PASCAL VOC data,
 * the loss with an ignore label, mIoU, and the task the DJMix methods train.
 */
package org.djmix.tasks.segmentation;
