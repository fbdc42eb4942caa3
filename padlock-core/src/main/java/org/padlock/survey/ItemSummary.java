package org.padlock.survey;

/**
 * One item's answers in one group of respondents. {@code n} counts respondents who answered the
 * item, don't-know included: it is the denominator of the percentages, as in seed 003 ("n=140,
 * 89%" of 157 respondents). {@code pointCounts[k]} counts answers on the k-th scale point;
 * {@code mean} and {@code sd} are over those rated answers (don't know excluded), {@code NaN} when
 * there are none (sd: fewer than two).
 *
 * @param item  item key
 * @param code  the item's number in the instrument
 * @param group label of the group of respondents
 */
public record ItemSummary(String item, String code, String group, int n, int nAgree, int nDisagree, int nDontKnow,
                          long[] pointCounts, double mean, double sd) {
    public ItemSummary {
        pointCounts = pointCounts.clone();
    }

    @Override
    public long[] pointCounts() {
        return pointCounts.clone();
    }

    /** Number of rated answers (scale points, don't know excluded). */
    public int nRated() {
        return n - nDontKnow;
    }

    /** 100 x agree / n ({@code NaN} when n = 0). */
    public double pctAgree() {
        return pct(nAgree);
    }

    public double pctDisagree() {
        return pct(nDisagree);
    }

    public double pctDontKnow() {
        return pct(nDontKnow);
    }

    private double pct(int k) {
        return n == 0 ? Double.NaN : 100.0 * k / n;
    }

    /** The rated answers as numbers (for the t-test), in scale order. */
    double[] ratings(java.util.List<Integer> points) {
        double[] out = new double[nRated()];
        int i = 0;
        for (int k = 0; k < pointCounts.length; k++) {
            for (long c = 0; c < pointCounts[k]; c++) {
                out[i++] = points.get(k);
            }
        }
        return out;
    }
}
