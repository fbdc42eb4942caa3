package org.padlock.balance;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Balance of one covariate (or one factor level), before matching (all units, unit weights) and
 * after matching (matching weights). Sources of each statistic are given in {@link BalanceTable}.
 *
 * @param variable          covariate or {@code <factor>_<level>}
 * @param binary            whether every non-missing value is 0 or 1 (MatchIt's {@code bin.var})
 * @param meanTreated       mean among treated units (unmatched sample)
 * @param meanControlBefore mean among all controls
 * @param meanTreatedAfter  weighted mean among matched treated units
 * @param meanControlAfter  weighted mean among matched controls
 * @param smdBefore         MatchIt ATT standardised difference, unmatched
 * @param smdAfter          MatchIt ATT standardised difference, matched
 * @param pctBiasBefore     pstest % bias, unmatched
 * @param pctBiasAfter      pstest % bias, matched (unmatched variances in the denominator)
 * @param varianceRatioBefore treated / control variance, unmatched ({@code NaN} for a binary covariate, as MatchIt)
 * @param varianceRatioAfter  treated / control weighted variance, matched ({@code NaN} for a binary covariate)
 * @param ecdfMeanBefore    mean absolute difference of the groups' eCDFs, unmatched (MatchIt {@code eCDF Mean})
 * @param ecdfMaxBefore     maximum absolute eCDF difference, unmatched (MatchIt {@code eCDF Max})
 * @param ecdfMeanAfter     mean absolute difference of the weighted eCDFs, matched
 * @param ecdfMaxAfter      maximum absolute difference of the weighted eCDFs, matched
 */
public record BalanceRow(String variable, boolean binary, double meanTreated, double meanControlBefore,
                         double meanTreatedAfter, double meanControlAfter, double smdBefore, double smdAfter,
                         double pctBiasBefore, double pctBiasAfter, double varianceRatioBefore,
                         double varianceRatioAfter, double ecdfMeanBefore, double ecdfMaxBefore, double ecdfMeanAfter,
                         double ecdfMaxAfter) {

    /**
     * The row as JSON values, with the keys of {@code padlock match --json} (docs/CLI.md) and the
     * extra statistics; used by the CLI and by {@code results.json} alike. {@code NaN} is written as
     * {@code null} by {@link org.padlock.data.Json}.
     */
    public Map<String, Object> toJson() {
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("variable", variable);
        x.put("binary", binary);
        x.put("mean_treated", meanTreated);
        x.put("mean_control_before", meanControlBefore);
        x.put("mean_treated_after", meanTreatedAfter);
        x.put("mean_control_after", meanControlAfter);
        x.put("smd_before", smdBefore);
        x.put("smd_after", smdAfter);
        x.put("pct_bias_before", pctBiasBefore);
        x.put("pct_bias_after", pctBiasAfter);
        x.put("variance_ratio_before", varianceRatioBefore);
        x.put("variance_ratio_after", varianceRatioAfter);
        x.put("ecdf_mean_before", ecdfMeanBefore);
        x.put("ecdf_max_before", ecdfMaxBefore);
        x.put("ecdf_mean_after", ecdfMeanAfter);
        x.put("ecdf_max_after", ecdfMaxAfter);
        return x;
    }
}
