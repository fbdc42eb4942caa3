package org.padlock.estimation.did;

/** The (weighted) mean outcome of one arm in one period, over {@code n} observations: a point of a trends figure. */
public record TrendPoint(double period, int treated, double mean, int n) {
    /** The point as JSON fields ({@code padlock did}, results.json). */
    public java.util.Map<String, Object> toJson() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("period", period);
        m.put("treated", treated);
        m.put("mean", mean);
        m.put("n", n);
        return m;
    }
}
