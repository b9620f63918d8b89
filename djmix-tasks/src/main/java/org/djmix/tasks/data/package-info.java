/** Datasets in their official on-disk formats, as DJL {@code RandomAccessDataset}s. */
package org.djmix.tasks.data;
