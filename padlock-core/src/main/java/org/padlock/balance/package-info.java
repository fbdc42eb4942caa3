/** Covariate balance before and after matching: MatchIt's standardised differences and pstest's % bias. */
package org.padlock.balance;
