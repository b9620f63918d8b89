/**
 * Object detection: Faster R-CNN (torchvision's {@code fasterrcnn_resnet50_fpn} design) and the
 * operations DJL lacks on PyTorch, each a small class any DJL user can take alone: {@link
 * org.djmix.tasks.detection.RoiAlign}, {@link org.djmix.tasks.detection.BoxIou}, {@link
 * org.djmix.tasks.detection.Nms} and {@link org.djmix.tasks.detection.BoxCoder}.
 */
package org.djmix.tasks.detection;
