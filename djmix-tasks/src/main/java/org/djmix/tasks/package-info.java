/**
 * Tasks (classification, segmentation, detection) that DJMix trains through the task seam (arrives
 * with issue 5).
 */
package org.djmix.tasks;
