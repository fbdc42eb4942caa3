package org.padlock.balance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Balance of covariates between treated and control units before and after matching.
 *
 * <p>Formulas: pstest's % bias {@code 100 (m_t - m_c) / sqrt((v_t + v_c) / 2)} with the unmatched
 * variances in the denominator before and after matching (Leuven and Sianesi 2003; Rosenbaum and
 * Rubin 1985); MatchIt's ATT standardised mean difference {@code (m_t - m_c) / s_t} with the SD of
 * the unmatched treated group, {@code sqrt(p (1 - p))} for a binary covariate (MatchIt 4.7
 * {@code summary.matchit}). Weighted variances use
 * {@code sum w (x - m)^2 / (sum w - sum w^2 / sum w)}, as MatchIt does.
 *
 * @param rows             one row per covariate or factor level
 * @param meanAbsPctBiasBefore mean |% bias| before matching (pstest MeanBias)
 * @param meanAbsPctBiasAfter  mean |% bias| after matching
 * @param medianAbsPctBiasBefore median |% bias| before (pstest MedBias)
 * @param medianAbsPctBiasAfter  median |% bias| after
 */
public record BalanceTable(List<BalanceRow> rows, double meanAbsPctBiasBefore, double meanAbsPctBiasAfter,
                           double medianAbsPctBiasBefore, double medianAbsPctBiasAfter) {
    public BalanceTable {
        rows = List.copyOf(rows);
    }

    /**
     * @param names   covariate names (columns of {@code x})
     * @param x       covariate columns over all units ({@code NaN} values are skipped per covariate)
     * @param treated 1/0 per unit
     * @param weight  matching weights per unit (0 = unused)
     */
    public static BalanceTable compute(List<String> names, double[][] x, int[] treated, double[] weight) {
        List<BalanceRow> rows = new ArrayList<>();
        int n = treated.length;
        double[] one = new double[n];
        Arrays.fill(one, 1.0);
        for (int j = 0; j < names.size(); j++) {
            double[] v = x[j];
            Moments tU = Moments.of(v, treated, 1, one);
            Moments cU = Moments.of(v, treated, 0, one);
            Moments tM = Moments.of(v, treated, 1, weight);
            Moments cM = Moments.of(v, treated, 0, weight);
            double pooled = Math.sqrt((tU.var() + cU.var()) / 2);
            // MatchIt: the SD of a binary covariate is sqrt(p (1 - p)), without the n - 1 correction
            double sdT = isBinary(v) ? Math.sqrt(tU.mean() * (1 - tU.mean())) : Math.sqrt(tU.var());
            rows.add(new BalanceRow(names.get(j), tU.mean(), cU.mean(), tM.mean(), cM.mean(),
                    ratio(tU.mean() - cU.mean(), sdT), ratio(tM.mean() - cM.mean(), sdT),
                    100 * ratio(tU.mean() - cU.mean(), pooled), 100 * ratio(tM.mean() - cM.mean(), pooled),
                    ratio(tU.var(), cU.var()), ratio(tM.var(), cM.var())));
        }
        double[] before = rows.stream().mapToDouble(r -> Math.abs(r.pctBiasBefore())).filter(d -> !Double.isNaN(d)).toArray();
        double[] after = rows.stream().mapToDouble(r -> Math.abs(r.pctBiasAfter())).filter(d -> !Double.isNaN(d)).toArray();
        return new BalanceTable(rows, mean(before), mean(after), median(before), median(after));
    }

    private static boolean isBinary(double[] v) {
        for (double d : v) {
            if (!Double.isNaN(d) && d != 0.0 && d != 1.0) {
                return false;
            }
        }
        return true;
    }

    private static double ratio(double a, double b) {
        return b > 0 ? a / b : (a == 0 ? 0.0 : Double.NaN);
    }

    static double mean(double[] v) {
        return v.length == 0 ? Double.NaN : Arrays.stream(v).average().orElse(Double.NaN);
    }

    static double median(double[] v) {
        if (v.length == 0) {
            return Double.NaN;
        }
        double[] s = v.clone();
        Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
    }

    /** Weighted mean and reliability-weighted variance of one group. */
    record Moments(double mean, double var) {
        static Moments of(double[] v, int[] treated, int group, double[] w) {
            double sw = 0, sw2 = 0, s = 0;
            for (int i = 0; i < v.length; i++) {
                if (treated[i] == group && w[i] > 0 && !Double.isNaN(v[i])) {
                    sw += w[i];
                    sw2 += w[i] * w[i];
                    s += w[i] * v[i];
                }
            }
            if (sw == 0) {
                return new Moments(Double.NaN, Double.NaN);
            }
            double m = s / sw;
            double ss = 0;
            for (int i = 0; i < v.length; i++) {
                if (treated[i] == group && w[i] > 0 && !Double.isNaN(v[i])) {
                    ss += w[i] * (v[i] - m) * (v[i] - m);
                }
            }
            double denom = sw - sw2 / sw;
            return new Moments(m, denom > 0 ? ss / denom : Double.NaN);
        }
    }
}
