/** Training any method on any task: the PyTorch-semantics SGD, schedules and the trainer. */
package org.djmix.tasks.training;
