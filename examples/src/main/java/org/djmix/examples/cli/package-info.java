/** The {@code djmix} command line (picocli). */
package org.djmix.examples.cli;
