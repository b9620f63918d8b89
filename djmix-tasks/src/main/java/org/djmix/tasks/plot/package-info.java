/** The PNG figures that reports and training runs write: heat maps and line charts. */
package org.djmix.tasks.plot;
