package org.padlock.survey;

import org.hipparchus.distribution.continuous.TDistribution;
import org.hipparchus.distribution.discrete.HypergeometricDistribution;
import org.hipparchus.special.Gamma;

/**
 * The tests used to compare survey responses, each matching an R function of the {@code stats}
 * package (R Core Team, R 4.2): distributions come from Hipparchus. Every method returns a
 * {@link TestResult} with {@code NaN} and a note rather than throwing when the data cannot
 * support the test (a group with fewer than two answers, no variance, an empty margin).
 */
public final class SurveyTests {
    /** R's {@code fisher.test} tolerance when summing the probabilities of tables "as or less likely". */
    private static final double FISHER_REL_ERR = 1 + 1e-7;

    private SurveyTests() {
    }

    /**
     * Two-sample two-tailed t-test: Student's with a pooled variance ({@code t.test(a, b, var.equal =
     * TRUE)}; df = n1 + n2 - 2), or Welch's with Satterthwaite df ({@code var.equal = FALSE}).
     * The statistic is mean(a) - mean(b) over its standard error.
     */
    public static TestResult tTest(double[] a, double[] b, boolean equalVariances) {
        int n1 = a.length, n2 = b.length;
        if (n1 < 2 || n2 < 2) {
            return TestResult.undefined("t-test needs at least two answers per group; found " + n1 + " and " + n2);
        }
        double m1 = mean(a), m2 = mean(b), v1 = variance(a, m1), v2 = variance(b, m2);
        double se, df;
        if (equalVariances) {
            double pooled = ((n1 - 1) * v1 + (n2 - 1) * v2) / (n1 + n2 - 2);
            se = Math.sqrt(pooled * (1.0 / n1 + 1.0 / n2));
            df = n1 + n2 - 2;
        } else {
            double s1 = v1 / n1, s2 = v2 / n2;
            se = Math.sqrt(s1 + s2);
            df = (s1 + s2) * (s1 + s2) / (s1 * s1 / (n1 - 1) + s2 * s2 / (n2 - 1));
        }
        if (!(se > 0)) {
            return TestResult.undefined("t-test undefined: no variation in the answers of either group");
        }
        double t = (m1 - m2) / se;
        double p = 2 * new TDistribution(df).cumulativeProbability(-Math.abs(t));
        return new TestResult(t, df, Math.min(1, p), "");
    }

    /**
     * Pearson's chi-square test of independence on an r x c table of counts, without continuity
     * correction ({@code chisq.test(x, correct = FALSE)}); rows or columns whose total is zero are
     * dropped first. The note reports expected counts below 5 (R's "approximation may be incorrect").
     */
    public static TestResult chiSquare(long[][] counts) {
        long[][] x = dropEmpty(counts);
        int r = x.length, c = r == 0 ? 0 : x[0].length;
        if (r < 2 || c < 2) {
            return TestResult.undefined("chi-square needs at least two non-empty rows and columns; found " + r + " x " + c);
        }
        double[] rowSum = new double[r], colSum = new double[c];
        double total = 0;
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                rowSum[i] += x[i][j];
                colSum[j] += x[i][j];
                total += x[i][j];
            }
        }
        double stat = 0, minExpected = Double.POSITIVE_INFINITY;
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                double e = rowSum[i] * colSum[j] / total;
                minExpected = Math.min(minExpected, e);
                stat += (x[i][j] - e) * (x[i][j] - e) / e;
            }
        }
        double df = (double) (r - 1) * (c - 1);
        String note = minExpected < 5 ? String.format(java.util.Locale.ROOT,
                "smallest expected count %.2f < 5: the chi-square approximation may be poor", minExpected) : "";
        return new TestResult(stat, df, upperChiSquare(stat, df), note);
    }

    /**
     * Fisher's exact test on the 2 x 2 table {@code {{a, b}, {c, d}}}, two-sided as R's
     * {@code fisher.test}: the sum of the hypergeometric probabilities of all tables with the same
     * margins that are no more likely than the observed one (relative tolerance 1e-7). The
     * statistic is the observed count {@code a}.
     */
    public static TestResult fisher(long a, long b, long c, long d) {
        long m = a + c, n = b + d, k = a + b;
        if (m == 0 || n == 0 || k == 0 || c + d == 0) {
            return new TestResult(a, Double.NaN, 1.0, "a margin of the 2 x 2 table is zero");
        }
        HypergeometricDistribution h = new HypergeometricDistribution((int) (m + n), (int) m, (int) k);
        int lo = (int) Math.max(0, k - n), hi = (int) Math.min(k, m);
        double[] logd = new double[hi - lo + 1];
        double max = Double.NEGATIVE_INFINITY;
        for (int x = lo; x <= hi; x++) {
            logd[x - lo] = h.logProbability(x);
            max = Math.max(max, logd[x - lo]);
        }
        double sum = 0;
        double[] dens = new double[logd.length];
        for (int i = 0; i < logd.length; i++) {
            dens[i] = Math.exp(logd[i] - max);
            sum += dens[i];
        }
        double observed = dens[(int) a - lo] * FISHER_REL_ERR, p = 0;
        for (double v : dens) {
            if (v <= observed) {
                p += v;
            }
        }
        return new TestResult(a, Double.NaN, Math.min(1, p / sum), "");
    }

    /**
     * Two-sample test of equal proportions {@code x1/n1} and {@code x2/n2}, as R's
     * {@code prop.test(c(x1, x2), c(n1, n2), correct = correct)}: Pearson's chi-square on the 2 x 2
     * table of successes and failures, with Yates' continuity correction {@code min(0.5,
     * |p1 - p2| / (1/n1 + 1/n2))} when {@code correct}; df 1.
     */
    public static TestResult propTest(long x1, long n1, long x2, long n2, boolean correct) {
        if (n1 <= 0 || n2 <= 0) {
            return TestResult.undefined("two-proportion test needs answers in both groups; found n = " + n1 + " and " + n2);
        }
        double p = (double) (x1 + x2) / (n1 + n2);
        if (p == 0 || p == 1) {
            return TestResult.undefined("two-proportion test undefined: the proportion is " + (p == 0 ? "0" : "1") + " in both groups");
        }
        double delta = (double) x1 / n1 - (double) x2 / n2;
        double yates = correct ? Math.min(0.5, Math.abs(delta) / (1.0 / n1 + 1.0 / n2)) : 0;
        double[][] obs = {{x1, n1 - x1}, {x2, n2 - x2}};
        double[][] exp = {{n1 * p, n1 * (1 - p)}, {n2 * p, n2 * (1 - p)}};
        double stat = 0, minExpected = Double.POSITIVE_INFINITY;
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                double dev = Math.abs(obs[i][j] - exp[i][j]) - yates;
                stat += dev * dev / exp[i][j];
                minExpected = Math.min(minExpected, exp[i][j]);
            }
        }
        String note = minExpected < 5 ? String.format(java.util.Locale.ROOT,
                "smallest expected count %.2f < 5: the chi-square approximation may be poor", minExpected) : "";
        return new TestResult(stat, 1, upperChiSquare(stat, 1), note);
    }

    /** P(X > x) for X ~ chi-square(df), as the regularised upper incomplete gamma Q(df/2, x/2) (no 1 - cdf cancellation). */
    static double upperChiSquare(double x, double df) {
        if (x <= 0) {
            return 1;
        }
        return Gamma.regularizedGammaQ(df / 2, x / 2, 1e-16, 100_000);
    }

    private static long[][] dropEmpty(long[][] counts) {
        int r = counts.length, c = r == 0 ? 0 : counts[0].length;
        boolean[] keepRow = new boolean[r], keepCol = new boolean[c];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                if (counts[i][j] < 0) {
                    throw new IllegalArgumentException("counts must be >= 0; found " + counts[i][j]);
                }
                if (counts[i][j] > 0) {
                    keepRow[i] = true;
                    keepCol[j] = true;
                }
            }
        }
        int[] rows = java.util.stream.IntStream.range(0, r).filter(i -> keepRow[i]).toArray();
        int[] cols = java.util.stream.IntStream.range(0, c).filter(j -> keepCol[j]).toArray();
        long[][] out = new long[rows.length][cols.length];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < cols.length; j++) {
                out[i][j] = counts[rows[i]][cols[j]];
            }
        }
        return out;
    }

    static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    static double variance(double[] x, double mean) {
        double ss = 0;
        for (double v : x) {
            ss += (v - mean) * (v - mean);
        }
        return ss / (x.length - 1);
    }
}
