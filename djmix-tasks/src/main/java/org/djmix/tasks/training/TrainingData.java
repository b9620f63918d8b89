package org.djmix.tasks.training;

import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.dataset.Sampler;

/**
 * How a task's training set is built once the trainer has chosen its batch order: the trainer
 * passes its seeded {@link EpochSampler} and the run's seed, the task's data adds its own
 * augmentation (classification: the paper's flip, crop and erasing; segmentation: the joint scale,
 * flip and crop of image and mask), seeded per epoch and image.
 */
@FunctionalInterface
public interface TrainingData {

    /**
     * Builds the training set.
     *
     * @param sampler the batch order (an {@link EpochSampler})
     * @param seed the run's seed, for the augmentation
     * @return the dataset, epoch-aware when its augmentation depends on the epoch
     */
    RandomAccessDataset build(Sampler sampler, long seed);
}
