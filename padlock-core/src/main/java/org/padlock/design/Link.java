package org.padlock.design;

/**
 * Link function of a binary propensity model (McCullagh and Nelder 1989, s. 4.3); the probit's
 * normal distribution function and density come from {@link StandardNormal}.
 */
public enum Link {
    /** {@code p = 1 / (1 + exp(-eta))}. */
    LOGIT,
    /** {@code p = Phi(eta)}. */
    PROBIT;

    double mean(double eta) {
        if (this == LOGIT) {
            if (eta >= 0) {
                return 1 / (1 + Math.exp(-eta));
            }
            double e = Math.exp(eta);
            return e / (1 + e);
        }
        return StandardNormal.cdf(eta);
    }

    /** d mu / d eta, given {@code mean = mean(eta)} (which the logit's derivative {@code mean (1 - mean)} reuses). */
    double derivative(double eta, double mean) {
        return this == LOGIT ? mean * (1 - mean) : StandardNormal.density(eta);
    }
}
