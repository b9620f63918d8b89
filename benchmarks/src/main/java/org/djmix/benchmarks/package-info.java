/** JMH benchmarks of djmix (not shipped). */
package org.djmix.benchmarks;
