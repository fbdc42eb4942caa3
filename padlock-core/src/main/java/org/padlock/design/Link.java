package org.padlock.design;

import org.hipparchus.distribution.continuous.NormalDistribution;

/** Link function of a binary propensity model (McCullagh and Nelder 1989, s. 4.3). */
public enum Link {
    /** {@code p = 1 / (1 + exp(-eta))}. */
    LOGIT,
    /** {@code p = Phi(eta)}. */
    PROBIT;

    private static final NormalDistribution N01 = new NormalDistribution(0, 1);

    double mean(double eta) {
        if (this == LOGIT) {
            return eta >= 0 ? 1 / (1 + Math.exp(-eta)) : Math.exp(eta) / (1 + Math.exp(eta));
        }
        return N01.cumulativeProbability(eta);
    }

    /** d mu / d eta. */
    double derivative(double eta) {
        if (this == LOGIT) {
            double m = mean(eta);
            return m * (1 - m);
        }
        return N01.density(eta);
    }
}
