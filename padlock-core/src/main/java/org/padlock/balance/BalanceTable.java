package org.padlock.balance;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Balance of covariates between treated and control units before and after matching.
 *
 * <p>Formulas: pstest's % bias {@code 100 (m_t - m_c) / sqrt((v_t + v_c) / 2)} with the unmatched
 * variances in the denominator before and after matching (Leuven and Sianesi 2003; Rosenbaum and
 * Rubin 1985); MatchIt's ATT standardised mean difference {@code (m_t - m_c) / s_t} with the SD of
 * the unmatched treated group, {@code sqrt(p (1 - p))} for a binary covariate (MatchIt 4.7
 * {@code summary.matchit}); when |m_t - m_c| is at most {@code sqrt(.Machine$double.eps)} the raw
 * difference is reported, as MatchIt does. Weighted variances use
 * {@code sum w (x - m)^2 / (sum w - sum w^2 / sum w)}, as MatchIt does; the variance ratio is
 * treated over control and is not defined for a binary covariate. eCDF statistics follow MatchIt
 * 4.5 {@code summary.matchit} ({@code qqsum} with {@code standardize = TRUE}): weights are
 * normalised to sum to 1 within each group, and the absolute difference of the two weighted eCDFs
 * is evaluated at every distinct value of the covariate over all units (zero-weight units
 * included); {@code ecdf mean} and {@code ecdf max} are its mean and maximum over those values. For
 * a binary covariate both equal |m_t - m_c|.
 *
 * @param rows             one row per covariate or factor level
 * @param meanAbsPctBiasBefore mean |% bias| before matching (pstest MeanBias)
 * @param meanAbsPctBiasAfter  mean |% bias| after matching
 * @param medianAbsPctBiasBefore median |% bias| before (pstest MedBias)
 * @param medianAbsPctBiasAfter  median |% bias| after
 * @param summary          pstest's summary (re-fitted treatment model, Rubin's B and R), or {@code null}
 *                         when not computed
 */
public record BalanceTable(List<BalanceRow> rows, double meanAbsPctBiasBefore, double meanAbsPctBiasAfter,
                           double medianAbsPctBiasBefore, double medianAbsPctBiasAfter, BalanceSummary summary) {
    public BalanceTable {
        rows = List.copyOf(rows);
    }

    /** This table with pstest's summary attached. */
    public BalanceTable withSummary(BalanceSummary s) {
        return new BalanceTable(rows, meanAbsPctBiasBefore, meanAbsPctBiasAfter, medianAbsPctBiasBefore,
                medianAbsPctBiasAfter, s);
    }

    /**
     * @param names   covariate names (columns of {@code x})
     * @param x       covariate columns over all units ({@code NaN} values are skipped per covariate)
     * @param treated 1/0 per unit
     * @param weight  matching weights per unit (0 = unused)
     */
    public static BalanceTable compute(List<String> names, double[][] x, int[] treated, double[] weight) {
        // the units with a positive weight (the matched sample), in data order, shared by every covariate
        int[] used = IntStream.range(0, treated.length).filter(i -> weight[i] > 0).toArray();
        // covariates are independent of each other: one per task, collected in covariate order
        List<BalanceRow> rows = IntStream.range(0, names.size()).parallel()
                .mapToObj(j -> row(names.get(j), x[j], treated, weight, used)).toList();
        double[] before = rows.stream().mapToDouble(r -> Math.abs(r.pctBiasBefore())).filter(d -> !Double.isNaN(d)).toArray();
        double[] after = rows.stream().mapToDouble(r -> Math.abs(r.pctBiasAfter())).filter(d -> !Double.isNaN(d)).toArray();
        return new BalanceTable(rows, mean(before), mean(after), median(before), median(after), null);
    }

    private static BalanceRow row(String name, double[] v, int[] treated, double[] weight, int[] used) {
        boolean bin = isBinary(v);
        Moments[] before = Moments.unweighted(v, treated);
        Moments tU = before[1];
        Moments cU = before[0];
        Moments tM = Moments.of(v, treated, 1, weight, used);
        Moments cM = Moments.of(v, treated, 0, weight, used);
        double pooled = Math.sqrt((tU.var() + cU.var()) / 2);
        // MatchIt: the SD of a binary covariate is sqrt(p (1 - p)), without the n - 1 correction
        double sdT = bin ? Math.sqrt(tU.mean() * (1 - tU.mean())) : Math.sqrt(tU.var());
        double[] eB;
        double[] eA;
        if (bin) {
            eB = binaryEcdf(tU, cU);
            eA = binaryEcdf(tM, cM);
        } else {
            Ecdf e = Ecdf.of(v, treated, weight, used);
            eB = e.before();
            eA = e.after();
        }
        return new BalanceRow(name, bin, tU.mean(), cU.mean(), tM.mean(), cM.mean(),
                smd(tU.mean() - cU.mean(), sdT), smd(tM.mean() - cM.mean(), sdT),
                100 * ratio(tU.mean() - cU.mean(), pooled), 100 * ratio(tM.mean() - cM.mean(), pooled),
                bin ? Double.NaN : ratio(tU.var(), cU.var()), bin ? Double.NaN : ratio(tM.var(), cM.var()),
                eB[0], eB[1], eA[0], eA[1]);
    }

    /** For a 0/1 covariate the eCDFs differ only below 1, by |m_t - m_c| (MatchIt {@code qqsum}). */
    private static double[] binaryEcdf(Moments t, Moments c) {
        double d = Math.abs(t.mean() - c.mean());
        return new double[] {d, d};
    }

    /** MatchIt's {@code sqrt(.Machine$double.eps)}: below it the raw difference is reported. */
    private static final double TOO_SMALL = Math.sqrt(Math.ulp(1.0));

    private static double smd(double diff, double sd) {
        if (Double.isNaN(diff)) {
            return Double.NaN;
        }
        return Math.abs(diff) <= TOO_SMALL ? diff : ratio(diff, sd);
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

    /** Arithmetic mean ({@code NaN} when empty). */
    public static double mean(double[] v) {
        return v.length == 0 ? Double.NaN : Arrays.stream(v).average().orElse(Double.NaN);
    }

    /** Median, the average of the two middle values for an even count (Stata's p50; {@code NaN} when empty). */
    public static double median(double[] v) {
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
        /**
         * Group {@code group}'s moments with weights {@code w} over the units {@code used} (every unit
         * with a positive weight, in data order); missing values skipped.
         */
        static Moments of(double[] v, int[] treated, int group, double[] w, int[] used) {
            double sw = 0, sw2 = 0, s = 0;
            for (int i : used) {
                if (treated[i] == group && !Double.isNaN(v[i])) {
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
            for (int i : used) {
                if (treated[i] == group && !Double.isNaN(v[i])) {
                    ss += w[i] * (v[i] - m) * (v[i] - m);
                }
            }
            double denom = sw - sw2 / sw;
            return new Moments(m, denom > 0 ? ss / denom : Double.NaN);
        }

        /**
         * Both groups' unweighted moments (index 0 controls, 1 treated) in two passes over all units,
         * with the sample variance (the weighted formula with unit weights); missing values skipped.
         */
        static Moments[] unweighted(double[] v, int[] treated) {
            double[] s = new double[2];
            long[] count = new long[2];
            for (int i = 0; i < v.length; i++) {
                if (!Double.isNaN(v[i])) {
                    s[treated[i]] += v[i];
                    count[treated[i]]++;
                }
            }
            double[] m = {s[0] / count[0], s[1] / count[1]};
            double[] ss = new double[2];
            for (int i = 0; i < v.length; i++) {
                if (!Double.isNaN(v[i])) {
                    double d = v[i] - m[treated[i]];
                    ss[treated[i]] += d * d;
                }
            }
            Moments[] out = new Moments[2];
            for (int g = 0; g < 2; g++) {
                out[g] = count[g] == 0 ? new Moments(Double.NaN, Double.NaN)
                        : new Moments(m[g], count[g] > 1 ? ss[g] / (count[g] - 1) : Double.NaN);
            }
            return out;
        }
    }
}
