package org.padlock.balance;

import org.hipparchus.distribution.continuous.TDistribution;

/**
 * One characteristic compared between the intervention and comparison groups, as the seeds'
 * baseline tables show it (000 Tables 4-5, 003 Table 10): per group the units with a value, the
 * units missing it, the (weighted) mean or share, its (weighted) SD and, for a 0/1 characteristic,
 * the count of units with value 1; the standardised difference; and the p-value of the difference.
 *
 * <p>Weighted means are {@code sum w x / sum w}; SDs use MatchIt's weighted variance
 * {@code sum w (x - m)^2 / (sum w - sum w^2 / sum w)} (the sample SD when all weights are 1), and
 * {@code sqrt(p (1 - p))} for a 0/1 characteristic. The standardised difference is
 * {@code (m_t - m_c) / sd_t} (MatchIt's ATT standardisation, on the sample compared). The p-value
 * is pstest's t-test ({@code regress x treated [iw=w]}, Leuven and Sianesi, psmatch2 4.1.0):
 * {@code t = (m_t - m_c) / sqrt(s^2 (1/W_t + 1/W_c))}, {@code s^2 = sum w (x - m_g)^2 / (W - 2)}, with
 * {@code W - 2} degrees of freedom, where W are sums of the (importance) weights; with unit
 * weights this is the pooled two-sample t-test.
 *
 * @param variable   column or {@code <column>_<level>}
 * @param binary     whether the characteristic is 0/1
 * @param nTreated   intervention units with a value
 * @param missingTreated intervention units missing it
 * @param countTreated   intervention units with value 1 (0/1 characteristics; unweighted)
 * @param meanTreated    intervention mean (share for 0/1)
 * @param sdTreated      intervention SD
 * @param nControl   comparison units with a value (weight > 0)
 * @param missingControl comparison units missing it
 * @param countControl   comparison units with value 1 (unweighted)
 * @param meanControl    weighted comparison mean
 * @param sdControl      weighted comparison SD
 * @param std        standardised difference
 * @param pValue     two-sided p-value of the t-test
 */
public record GroupComparison(String variable, boolean binary, int nTreated, int missingTreated, int countTreated,
                              double meanTreated, double sdTreated, int nControl, int missingControl, int countControl,
                              double meanControl, double sdControl, double std, double pValue) {

    /**
     * @param variable name
     * @param x        values per unit ({@code NaN} = missing)
     * @param treated  1/0 per unit
     * @param weight   weight per unit; units with weight 0 are not in the sample (use 1 for all
     *                 units of an unmatched comparison)
     */
    public static GroupComparison of(String variable, double[] x, int[] treated, double[] weight) {
        boolean bin = true;
        int[] n = new int[2];
        int[] miss = new int[2];
        int[] ones = new int[2];
        double[] sw = new double[2];
        double[] sw2 = new double[2];
        double[] swx = new double[2];
        for (int i = 0; i < x.length; i++) {
            if (!(weight[i] > 0)) {
                continue;
            }
            int g = treated[i];
            if (Double.isNaN(x[i])) {
                miss[g]++;
                continue;
            }
            bin &= x[i] == 0 || x[i] == 1;
            n[g]++;
            ones[g] += x[i] == 1 ? 1 : 0;
            sw[g] += weight[i];
            sw2[g] += weight[i] * weight[i];
            swx[g] += weight[i] * x[i];
        }
        double[] m = {swx[0] / sw[0], swx[1] / sw[1]};
        double[] ss = new double[2];
        for (int i = 0; i < x.length; i++) {
            if (weight[i] > 0 && !Double.isNaN(x[i])) {
                double d = x[i] - m[treated[i]];
                ss[treated[i]] += weight[i] * d * d;
            }
        }
        double[] sd = new double[2];
        for (int g = 0; g < 2; g++) {
            sd[g] = bin ? Math.sqrt(m[g] * (1 - m[g])) : Math.sqrt(ss[g] / (sw[g] - sw2[g] / sw[g]));
        }
        double diff = m[1] - m[0];
        double std = sd[1] > 0 ? diff / sd[1] : (diff == 0 ? 0 : Double.NaN);
        double df = sw[0] + sw[1] - 2;
        double p = Double.NaN;
        if (df > 0 && sw[0] > 0 && sw[1] > 0) {
            double s2 = (ss[0] + ss[1]) / df;
            double se = Math.sqrt(s2 * (1 / sw[0] + 1 / sw[1]));
            if (se > 0) {
                p = 2 * new TDistribution(df).cumulativeProbability(-Math.abs(diff / se));
            } else {
                p = diff == 0 ? 1 : 0;
            }
        }
        return new GroupComparison(variable, bin, n[1], miss[1], ones[1], m[1], sd[1], n[0], miss[0], ones[0], m[0], sd[0],
                std, p);
    }

    /** The seeds' stars: {@code ***} p <= 0.01, {@code **} p <= 0.05, {@code *} p <= 0.10 (000 Tables 4-5). */
    public String stars() {
        if (Double.isNaN(pValue)) {
            return "";
        }
        return pValue <= 0.01 ? "***" : pValue <= 0.05 ? "**" : pValue <= 0.10 ? "*" : "";
    }
}
