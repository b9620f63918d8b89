/** Neural-network blocks that DJL's own blocks cannot replace on every engine. */
package org.djmix.core.nn;
