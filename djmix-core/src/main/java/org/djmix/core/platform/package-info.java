/** Settings of the native platform that DJL's PyTorch engine runs on. */
package org.djmix.core.platform;
