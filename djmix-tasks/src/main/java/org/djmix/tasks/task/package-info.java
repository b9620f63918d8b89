/** The seam between the methods and the tasks: what a task tells a method, nothing more. */
package org.djmix.tasks.task;
