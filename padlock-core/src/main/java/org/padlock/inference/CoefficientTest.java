package org.padlock.inference;

/**
 * A coefficient with its standard error, t statistic, degrees of freedom, two-sided p-value and
 * 95% confidence interval. {@code NaN} where a quantity cannot be estimated (e.g. one cluster).
 */
public record CoefficientTest(String term, double estimate, double stdError, double df, double t, double pValue,
                              double ciLow, double ciHigh) {

    /** The test as JSON fields, in the order of the CLI contract (docs/CLI.md, {@code padlock estimate}). */
    public java.util.Map<String, Object> toJson() {
        java.util.Map<String, Object> j = new java.util.LinkedHashMap<>();
        j.put("estimate", estimate);
        j.put("std_error", stdError);
        j.put("df", df);
        j.put("t", t);
        j.put("p_value", pValue);
        j.put("ci_low", ciLow);
        j.put("ci_high", ciHigh);
        return j;
    }
}
