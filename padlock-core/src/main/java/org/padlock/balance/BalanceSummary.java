package org.padlock.balance;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * pstest's summary of balance (Leuven and Sianesi, psmatch2 4.1.0, {@code pstest.ado}, option
 * {@code both}) before matching (all units) and after matching (the matched sample).
 *
 * @param before    the unmatched sample
 * @param after     the matched sample
 * @param model     the re-fitted treatment model ({@code probit}, as pstest)
 * @param weights   how the matched sample is weighted in the re-fit (pstest's convention)
 */
public record BalanceSummary(Sample before, Sample after, String model, String weights) {

    /**
     * Summary statistics of one sample.
     *
     * @param pseudoR2         McFadden's pseudo-R2 of the treatment model re-fitted on the sample, {@code 1 - LL / LL0}
     * @param lrChi2           likelihood-ratio statistic {@code 2 (LL - LL0)}
     * @param lrDf             its degrees of freedom (model terms estimated, intercept excluded)
     * @param lrPValue         upper tail of chi2(lrDf) at {@code lrChi2}
     * @param meanAbsPctBias   mean |% bias| over the balance rows (pstest MeanBias)
     * @param medianAbsPctBias median |% bias| (pstest MedBias)
     * @param rubinB           Rubin's B: {@code 100 |m_t - m_c| / sqrt((v_t + v_c) / 2)} of the linear index
     * @param rubinR           Rubin's R: {@code v_t / v_c} of the linear index
     * @param treated          treated units in the sample (weight > 0)
     * @param controls         control units in the sample (weight > 0)
     * @param diagnostics      problems of the re-fit (separation, non-convergence, dropped terms)
     */
    public record Sample(double pseudoR2, double lrChi2, int lrDf, double lrPValue, double meanAbsPctBias,
                         double medianAbsPctBias, double rubinB, double rubinR, int treated, int controls,
                         List<String> diagnostics) {
        public Sample {
            diagnostics = List.copyOf(diagnostics);
        }

        /** The sample as JSON values ({@code NaN} is written as {@code null}). */
        public Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("pseudo_r2", pseudoR2);
            m.put("lr_chi2", lrChi2);
            m.put("lr_df", lrDf);
            m.put("lr_p_value", lrPValue);
            m.put("mean_abs_pct_bias", meanAbsPctBias);
            m.put("median_abs_pct_bias", medianAbsPctBias);
            m.put("rubin_b", rubinB);
            m.put("rubin_r", rubinR);
            m.put("n_treated", treated);
            m.put("n_control", controls);
            m.put("diagnostics", diagnostics);
            return m;
        }
    }

    /** The summary as JSON values. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("before", before.toJson());
        m.put("after", after.toJson());
        m.put("model", model);
        m.put("weights", weights);
        return m;
    }
}
