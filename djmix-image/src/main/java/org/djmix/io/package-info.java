/** Files written whole or not at all: temp file beside the target, then an atomic rename. */
package org.djmix.io;
