package org.padlock.design;

import java.util.List;

/**
 * A fitted propensity model.
 *
 * @param link        logit or probit
 * @param names       term names
 * @param coefficients estimates (NaN for terms dropped as collinear)
 * @param stdErrors   model-based standard errors from the inverse information
 * @param fitted      fitted probabilities, one per unit of the model
 * @param logLik      log-likelihood at the estimate
 * @param nullLogLik  log-likelihood of the intercept-only model
 * @param iterations  Fisher-scoring iterations used
 * @param converged   whether the deviance converged
 * @param diagnostics plain-language problems found (separation, non-convergence, dropped terms)
 * @param separation  the separation check ({@link Separation#detected()} false when the estimate exists)
 */
public record PropensityFit(Link link, List<String> names, double[] coefficients, double[] stdErrors, double[] fitted,
                            double logLik, double nullLogLik, int iterations, boolean converged, List<String> diagnostics,
                            Separation separation) {
    public PropensityFit {
        names = List.copyOf(names);
        coefficients = coefficients.clone();
        stdErrors = stdErrors.clone();
        fitted = fitted.clone();
        diagnostics = List.copyOf(diagnostics);
        separation = separation == null ? new Separation(false, 0, List.of()) : separation;
    }

    /** A fit without a separation check (kept for callers of the original signature). */
    public PropensityFit(Link link, List<String> names, double[] coefficients, double[] stdErrors, double[] fitted,
                         double logLik, double nullLogLik, int iterations, boolean converged, List<String> diagnostics) {
        this(link, names, coefficients, stdErrors, fitted, logLik, nullLogLik, iterations, converged, diagnostics, null);
    }

    @Override
    public double[] coefficients() {
        return coefficients.clone();
    }

    @Override
    public double[] stdErrors() {
        return stdErrors.clone();
    }

    @Override
    public double[] fitted() {
        return fitted.clone();
    }

    /** McFadden's pseudo-R2, {@code 1 - logLik / nullLogLik}. */
    public double pseudoR2() {
        return 1 - logLik / nullLogLik;
    }
}
