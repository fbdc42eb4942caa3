package org.padlock.design;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One candidate of a specification search with the summary it was judged on.
 *
 * @param index             position in the enumeration (plan order), from 0
 * @param spec              the matching specification
 * @param ok                whether matching succeeded (a failed candidate is never chosen)
 * @param message           why it failed, or {@code null}
 * @param keyMedianAbsPctBias median |% bias| after matching over the key variables (the criterion)
 * @param keyMeanAbsPctBias mean |% bias| after matching over the key variables (first tie-break)
 * @param medianAbsPctBias  median |% bias| after matching over the candidate's own covariates
 * @param meanAbsPctBias    mean |% bias| after matching over the candidate's own covariates
 * @param nTreatedMatched   treated units matched (second tie-break: more is better)
 * @param nControlMatched   controls matched
 * @param caliperWidth      caliper in distance units ({@code NaN}: none)
 * @param pseudoR2After     pstest's pseudo-R2 of the re-fitted model on the matched sample
 * @param rubinBAfter       Rubin's B after matching
 * @param rubinRAfter       Rubin's R after matching
 */
public record SearchCandidate(int index, MatchSpec spec, boolean ok, String message, double keyMedianAbsPctBias,
                              double keyMeanAbsPctBias, double medianAbsPctBias, double meanAbsPctBias, int nTreatedMatched,
                              int nControlMatched, double caliperWidth, double pseudoR2After, double rubinBAfter,
                              double rubinRAfter) {

    /** A candidate that could not be matched. */
    static SearchCandidate failed(int index, MatchSpec spec, String message) {
        double nan = Double.NaN;
        return new SearchCandidate(index, spec, false, message, nan, nan, nan, nan, 0, 0, nan, nan, nan, nan);
    }

    /** The candidate as JSON values (its specification in the plan's terms). */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("index", index);
        m.put("covariates", spec.covariates());
        m.put("distance", spec.distance().label());
        m.put("ratio", spec.ratio());
        m.put("replace", spec.replace());
        m.put("caliper", Double.isNaN(spec.caliper()) ? null : spec.caliper());
        m.put("caliper_scale", spec.caliperScale().name().toLowerCase(Locale.ROOT));
        m.put("status", ok ? "ok" : "failed");
        m.put("message", message);
        m.put("key_median_abs_pct_bias", keyMedianAbsPctBias);
        m.put("key_mean_abs_pct_bias", keyMeanAbsPctBias);
        m.put("median_abs_pct_bias_after", medianAbsPctBias);
        m.put("mean_abs_pct_bias_after", meanAbsPctBias);
        m.put("n_treated_matched", nTreatedMatched);
        m.put("n_control_matched", nControlMatched);
        m.put("caliper_width_distance_units", caliperWidth);
        m.put("pseudo_r2_after", pseudoR2After);
        m.put("rubin_b_after", rubinBAfter);
        m.put("rubin_r_after", rubinRAfter);
        return m;
    }

    /** Short description, e.g. {@code ps, 6:1 with replacement, caliper 1 (raw), covariates a, b}. */
    public String describe() {
        return String.format(Locale.ROOT, "%s, %d:1 %s replacement, %s; covariates %s", spec.distance().label(), spec.ratio(),
                spec.replace() ? "with" : "without", Double.isNaN(spec.caliper()) ? "no caliper"
                        : "caliper " + spec.caliper() + " (" + spec.caliperScale().name().toLowerCase(Locale.ROOT) + ")",
                String.join(", ", spec.covariates()));
    }

}
