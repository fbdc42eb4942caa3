/**
 * Difference-in-differences: two periods (post - pre on treatment) and long panels with unit and
 * period fixed effects, event-study coefficients, a joint pre-trend test and trend data.
 */
package org.padlock.estimation.did;
