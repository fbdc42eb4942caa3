/** Outcome models of the analysis stage: {@code ols} (weighted least squares) and {@code did} (difference-in-differences). */
package org.padlock.estimation;
