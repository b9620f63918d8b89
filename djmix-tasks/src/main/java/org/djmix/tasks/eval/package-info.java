/** Robustness evaluation: clean and corrupted error, CE/mCE, and the report files. */
package org.djmix.tasks.eval;
