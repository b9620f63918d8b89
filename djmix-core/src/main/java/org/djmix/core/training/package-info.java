/** What every training loop of djmix shares, whatever it trains. */
package org.djmix.core.training;
