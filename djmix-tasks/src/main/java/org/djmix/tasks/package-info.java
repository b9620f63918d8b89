/** Tasks (classification, segmentation, detection) that DJMix trains through the task seam. */
package org.djmix.tasks;
