package org.padlock.study;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Raw outcome summary of one arm, the "Raw means" columns of seed 000 Tables 6-10: pupils (or
 * schools) with the outcome, those missing it, the unweighted mean and its t-based 95% interval.
 */
public record ArmSummary(@JsonProperty("n") int n, @JsonProperty("missing") int missing, @JsonProperty("mean") double mean,
                         @JsonProperty("ci_low") double ciLow, @JsonProperty("ci_high") double ciHigh,
                         @JsonProperty("schools") int schools) {

    /**
     * This summary, or one with every value hidden ({@code n} and {@code missing} -1, statistics NaN)
     * when it rests on fewer than {@code threshold} pupils: disclosure control for results.
     */
    public ArmSummary disclosed(int threshold) {
        return n >= threshold ? this : new ArmSummary(-1, -1, Double.NaN, Double.NaN, Double.NaN, schools);
    }

    /** Summary of {@code y} over {@code rows}; NaN values count as missing. */
    public static ArmSummary of(double[] y, int[] rows, String[] school) {
        int n = 0;
        int miss = 0;
        double s = 0;
        java.util.Set<String> schools = new java.util.HashSet<>();
        for (int i : rows) {
            if (Double.isNaN(y[i])) {
                miss++;
            } else {
                n++;
                s += y[i];
                schools.add(school[i]);
            }
        }
        double mean = n > 0 ? s / n : Double.NaN;
        double ss = 0;
        for (int i : rows) {
            if (!Double.isNaN(y[i])) {
                ss += (y[i] - mean) * (y[i] - mean);
            }
        }
        double lo = Double.NaN;
        double hi = Double.NaN;
        if (n > 1) {
            double se = Math.sqrt(ss / (n - 1) / n);
            double q = new org.hipparchus.distribution.continuous.TDistribution(n - 1).inverseCumulativeProbability(0.975);
            lo = mean - q * se;
            hi = mean + q * se;
        }
        return new ArmSummary(n, miss, mean, lo, hi, schools.size());
    }
}
