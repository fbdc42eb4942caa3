package org.padlock.inference;

import java.util.List;

/**
 * The restricted wild cluster bootstrap test of one coefficient.
 *
 * @param term        the coefficient tested (H0: coefficient = 0)
 * @param estimate    the least-squares estimate
 * @param t           its CR1 t statistic (the statistic bootstrapped)
 * @param stdError    its CR1 standard error
 * @param clusters    number of clusters G
 * @param draws       number of bootstrap draws used (all {@code support^G} vectors when {@code enumerated})
 * @param enumerated  whether every vector of cluster weights was used once instead of random draws
 * @param weights     the weight distribution
 * @param seed        the seed of the random draws (unused when enumerated)
 * @param pValue      share of draws with {@code |t*| >= |t|} (NaN when not estimable)
 * @param ciLow       lower end of the interval by test inversion (NaN when not found)
 * @param ciHigh      upper end
 * @param level       confidence level of the interval
 * @param diagnostics notes on degenerate cases
 */
public record WildBootstrapResult(String term, double estimate, double t, double stdError, int clusters, long draws, boolean enumerated,
                                  BootstrapWeights weights, long seed, double pValue, double ciLow, double ciHigh,
                                  double level, List<String> diagnostics) {
    public WildBootstrapResult {
        diagnostics = List.copyOf(diagnostics);
    }

    /**
     * The result in the shape of a t test: estimate, CR1 standard error and t, the bootstrap p-value and
     * interval, and df NaN (no t distribution is used).
     */
    public CoefficientTest toCoefficientTest() {
        return new CoefficientTest(term, estimate, stdError, Double.NaN, t, pValue, ciLow, ciHigh);
    }
}
