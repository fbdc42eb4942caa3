/** Weighted least squares from summable sufficient statistics, with collinear terms dropped and reported. */
package org.padlock.estimation.ols;
