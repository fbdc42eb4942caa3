package org.padlock.balance;

/**
 * Balance of one covariate (or one factor level).
 *
 * @param variable          covariate or {@code <factor>_<level>}
 * @param meanTreated       mean among treated units (unmatched sample)
 * @param meanControlBefore mean among all controls
 * @param meanTreatedAfter  weighted mean among matched treated units
 * @param meanControlAfter  weighted mean among matched controls
 * @param smdBefore         MatchIt ATT standardised difference, unmatched
 * @param smdAfter          MatchIt ATT standardised difference, matched
 * @param pctBiasBefore     pstest % bias, unmatched
 * @param pctBiasAfter      pstest % bias, matched (unmatched variances in the denominator)
 * @param varianceRatioBefore treated / control variance, unmatched
 * @param varianceRatioAfter  treated / control weighted variance, matched
 */
public record BalanceRow(String variable, double meanTreated, double meanControlBefore, double meanTreatedAfter,
                         double meanControlAfter, double smdBefore, double smdAfter, double pctBiasBefore,
                         double pctBiasAfter, double varianceRatioBefore, double varianceRatioAfter) {
}
