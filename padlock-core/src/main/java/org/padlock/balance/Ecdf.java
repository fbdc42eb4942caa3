package org.padlock.balance;

import org.padlock.data.IndexSort;

/**
 * The eCDF statistics of one continuous covariate before and after matching, as MatchIt 4.5
 * {@code summary.matchit} computes them ({@code qqsum} with {@code standardize = TRUE}): the mean and
 * the maximum over the distinct values u of the covariate among all units (zero-weight units
 * included) of {@code |F_t(u) - F_c(u)|}, where each group's eCDF uses its weights normalised to sum
 * to 1 (all weights 1 before matching). Missing values are skipped.
 *
 * <p>Each group's values are sorted once; the distinct values are visited by merging the two sorted
 * groups, so that before matching the eCDFs are counts and after matching only the units with a
 * positive weight (the matched sample, usually a small part of the controls) need sorting with their
 * weights.
 *
 * @param before {mean, max} before matching, {@code NaN} when a group has no values
 * @param after  {mean, max} with the matching weights, {@code NaN} when a group has no weight
 */
record Ecdf(double[] before, double[] after) {
    /**
     * @param used the units with a positive weight, in data order
     */
    static Ecdf of(double[] v, int[] treated, double[] w, int[] used) {
        int n = v.length;
        int nT = 0;
        int nC = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(v[i])) {
                if (treated[i] == 1) {
                    nT++;
                } else {
                    nC++;
                }
            }
        }
        double[] t = new double[nT];
        double[] c = new double[nC];
        nT = 0;
        nC = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(v[i])) {
                if (treated[i] == 1) {
                    t[nT++] = v[i];
                } else {
                    c[nC++] = v[i];
                }
            }
        }
        IndexSort.values(t);
        IndexSort.values(c);
        int[] matched = new int[used.length];
        int nM = 0;
        for (int i : used) {
            if (!Double.isNaN(v[i])) {
                matched[nM++] = i;
            }
        }
        used = java.util.Arrays.copyOf(matched, nM);
        double swT = 0;
        double swC = 0;
        for (int i : used) {
            if (treated[i] == 1) {
                swT += w[i];
            } else {
                swC += w[i];
            }
        }
        IndexSort.byValue(used, v);
        int i = 0;
        int j = 0;
        int k = 0;
        int points = 0;
        double cum = 0;
        double sumB = 0;
        double maxB = 0;
        double sumA = 0;
        double maxA = 0;
        while (i < nT || j < nC) {
            double u = i < nT && (j >= nC || t[i] <= c[j]) ? t[i] : c[j];
            while (i < nT && t[i] == u) {
                i++;
            }
            while (j < nC && c[j] == u) {
                j++;
            }
            double dB = Math.abs((double) i / nT - (double) j / nC);
            while (k < used.length && v[used[k]] <= u) {
                int r = used[k++];
                cum += treated[r] == 1 ? w[r] / swT : -w[r] / swC;
            }
            double dA = Math.abs(cum);
            sumB += dB;
            maxB = Math.max(maxB, dB);
            sumA += dA;
            maxA = Math.max(maxA, dA);
            points++;
        }
        double[] none = {Double.NaN, Double.NaN};
        return new Ecdf(nT > 0 && nC > 0 ? new double[] {sumB / points, maxB} : none,
                swT > 0 && swC > 0 ? new double[] {sumA / points, maxA} : none);
    }
}
