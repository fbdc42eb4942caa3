/** Covariance estimators (classical, HC1, CR0, CR1) and coefficient tests; a step after the fit, never a refit. */
package org.padlock.inference;
