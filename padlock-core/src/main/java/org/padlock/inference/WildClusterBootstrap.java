package org.padlock.inference;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.padlock.estimation.ols.GramAccumulator;
import org.padlock.estimation.ols.WlsFit;

/**
 * The restricted wild cluster bootstrap (WCR) test of {@code H0: beta_j = beta0} with the CR1 t statistic
 * (Cameron, Gelbach and Miller 2008, REStat 90(3); MacKinnon and Webb 2017; the algorithm of Roodman,
 * MacKinnon, Nielsen and Webb 2019, Stata Journal 19(1), "Fast and wild", as in Stata {@code boottest}
 * and R {@code fwildclusterboot}).
 *
 * <p>The null is imposed: {@code b~} is the weighted least-squares fit with {@code beta_j = beta0} and
 * residuals {@code u~}; a draw multiplies the residuals of cluster {@code g} by {@code v_g} from
 * {@link BootstrapWeights}: {@code y* = X b~ + v_g u~_g}; {@code t* = (b*_j - beta0) / se_CR1(b*_j)}. The
 * two-sided p-value is the share of draws with {@code |t*| >= |t|}, where {@code t = (b_j - beta0) /
 * se_CR1(b_j)} (ties within a relative {@code 1e-10} count as {@code >=}; a draw whose t* is not a number
 * counts as {@code >=}); there is no +1 in numerator or denominator, as in boottest. When
 * {@code support^G <= B} every vector of cluster weights is used exactly once instead of B random
 * draws (boottest's rule; for Rademacher weights {@code 2^G <= B}); the draw {@code v = 1} then
 * reproduces t itself. Random draws come from {@link SplittableRandom} with the given seed, cluster by
 * cluster in the order of the cluster ids, so a seed gives the same p-value on every run.
 *
 * <p>Everything is computed from the per-cluster statistics {@code X_g'W_gX_g}, {@code X_g'W_gy_g}
 * ({@link ClusterStatistics}): with {@code M = (X'WX)^-1}, restricted scores {@code s~_g = X_g'W_g y_g -
 * X_g'W_gX_g b~}, a draw gives {@code b*_j - beta0 = m_j' sum_h v_h s~_h} and the cluster score of its
 * residuals projected on {@code m_j} is {@code v_g m_j's~_g - (M X_g'W_gX_g m_j)' sum_h v_h s~_h}: a
 * cost of {@code O(G k)} per draw, independent of the number of pupils. As {@code s~_g} is linear in
 * {@code beta0}, each draw is stored as five numbers and the test can be inverted cheaply: the
 * interval is the set of {@code beta0} with {@code p(beta0) > 1 - level}, found by doubling steps of one
 * CR1 standard error from the estimate and then bisection (to {@code 1e-10} of the standard error), on
 * both sides, with the same draws.
 */
public final class WildClusterBootstrap {
    static final double TIE = 1e-10;
    /** A draw whose expanded sum of squares is below this share of its leading term is recomputed cluster by cluster. */
    static final double CANCEL = 1e-3;

    private final double estimate;
    private final double se;
    private final double factor;
    private final double[] n0;
    private final double[] n1;
    private final double[] q00;
    private final double[] q01;
    private final double[] q11;
    private final boolean enumerated;

    private WildClusterBootstrap(double estimate, double se, double factor, double[] n0, double[] n1, double[] q00,
                                 double[] q01, double[] q11, boolean enumerated) {
        this.enumerated = enumerated;
        this.estimate = estimate;
        this.se = se;
        this.factor = factor;
        this.n0 = n0;
        this.n1 = n1;
        this.q00 = q00;
        this.q01 = q01;
        this.q11 = q11;
    }

    /** The test of {@code term = 0} for a fit, clustered by {@code clusterIds} (one per design row), with a 95% interval. */
    public static WildBootstrapResult test(WlsFit fit, String[] clusterIds, String term, int reps, long seed,
                                           BootstrapWeights weights) {
        return test(ClusterStatistics.of(fit, clusterIds), term, reps, seed, weights, 0.95);
    }

    /**
     * The test of {@code term = 0} from per-cluster statistics.
     *
     * @param reps  number of random draws B (at least 1); every weight vector is used instead when there are at most B
     * @param level confidence level of the interval, in (0, 1)
     */
    public static WildBootstrapResult test(ClusterStatistics stats, String term, int reps, long seed,
                                           BootstrapWeights weights, double level) {
        int j = stats.terms().indexOf(term);
        if (j < 0) {
            throw new IllegalArgumentException("term " + term + " is not in the model " + stats.terms());
        }
        if (reps < 1) {
            throw new IllegalArgumentException("the number of bootstrap replications must be at least 1; found " + reps);
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level must be in (0, 1); found " + level);
        }
        int g = stats.clusters();
        List<String> diag = new ArrayList<>();
        if (g < 2) {
            GramAccumulator total = stats.total();
            double est = Linear.mult(Linear.invertSpd(total.xtwx()), total.xtwy())[j];
            diag.add("only one cluster: the wild cluster bootstrap cannot be used");
            return new WildBootstrapResult(term, est, Double.NaN, Double.NaN, g, 0, false, weights, seed, Double.NaN, Double.NaN,
                    Double.NaN, level, diag);
        }
        WildClusterBootstrap w = prepare(stats, j, reps, seed, weights);
        boolean enumerate = w.enumerated;
        int draws = w.n0.length;
        double t = w.tObserved(0.0);
        double p = w.pValue(0.0);
        if (enumerate) {
            diag.add("all " + draws + " vectors of " + weights.label() + " weights for " + g + " clusters were enumerated;"
                    + " the smallest attainable p-value is " + (1.0 / draws));
        }
        double[] ci = w.invert(1 - level, diag);
        return new WildBootstrapResult(term, w.estimate, t, w.se, g, draws, enumerate, weights, seed, p, ci[0], ci[1], level, diag);
    }

    /** The fit from the summed statistics and the stored draws (all weight vectors when there are at most {@code reps}). */
    private static WildClusterBootstrap prepare(ClusterStatistics stats, int j, int reps, long seed, BootstrapWeights weights) {
        GramAccumulator total = stats.total();
        double[][] m = Linear.invertSpd(total.xtwx());
        double[] beta = Linear.mult(m, total.xtwy());
        double[] support = weights.support();
        long all = power(support.length, stats.clusters());
        boolean enumerate = all <= reps;
        return prepare(stats, j, m, beta, support, enumerate, enumerate ? (int) all : reps, seed);
    }

    private static WildClusterBootstrap prepare(ClusterStatistics stats, int j, double[][] m, double[] beta,
                                                double[] support, boolean enumerate, int draws, long seed) {
        int k = m.length;
        List<GramAccumulator> per = stats.perCluster();
        int g = per.size();
        GramAccumulator total = stats.total();
        double[][] gt = total.xtwx();
        double[] bt = total.xtwy();
        double factor = Covariance.cr1Factor(g, total.n(), k);
        double[] mj = m[j];
        // observed CR1 standard error of b_j
        double[][][] gg = new double[g][][];
        double[][] bg = new double[g][];
        double sq = 0;
        for (int c = 0; c < g; c++) {
            gg[c] = per.get(c).xtwx();
            bg[c] = per.get(c).xtwy();
            double a = ClusterStatistics.projectedScore(mj, gg[c], bg[c], beta);
            sq += a * a;
        }
        double se = Math.sqrt(factor * sq);
        // restricted fit b~(beta0) = r0 + beta0 * delta
        int[] rest = new int[k - 1];
        for (int a = 0, r = 0; a < k; a++) {
            if (a != j) {
                rest[r++] = a;
            }
        }
        double[] r0 = new double[k];
        double[] delta = new double[k];
        delta[j] = 1.0;
        if (k > 1) {
            double[][] grr = new double[k - 1][k - 1];
            double[] brr = new double[k - 1];
            double[] grj = new double[k - 1];
            for (int a = 0; a < k - 1; a++) {
                brr[a] = bt[rest[a]];
                grj[a] = gt[rest[a]][j];
                for (int c = 0; c < k - 1; c++) {
                    grr[a][c] = gt[rest[a]][rest[c]];
                }
            }
            double[][] inv = Linear.invertSpd(grr);
            double[] x0 = Linear.mult(inv, brr);
            double[] x1 = Linear.mult(inv, grj);
            for (int a = 0; a < k - 1; a++) {
                r0[rest[a]] = x0[a];
                delta[rest[a]] = -x1[a];
            }
        }
        // restricted scores s~_g = s0_g - beta0 s1_g and their projections
        double[][] s0 = new double[g][];
        double[][] s1 = new double[g][];
        double[] a0 = new double[g];
        double[] a1 = new double[g];
        double[][] cv = new double[g][];
        for (int c = 0; c < g; c++) {
            s0[c] = minus(bg[c], Linear.mult(gg[c], r0));
            s1[c] = Linear.mult(gg[c], delta);
            a0[c] = Linear.dot(mj, s0[c]);
            a1[c] = Linear.dot(mj, s1[c]);
            cv[c] = Linear.mult(m, Linear.mult(gg[c], mj));
        }
        // Each draw needs w0 = sum_c v_c s0_c, w1 = sum_c v_c s1_c, y0 = sum_c v_c a0_c cv_c, y1 = sum_c v_c a1_c cv_c
        // and d.. = sum_c v_c^2 a._c a._c; then with CC = sum_c cv_c cv_c' the sums of squared projected scores
        // u0_c = v_c a0_c - cv_c'w0 (and u1_c) are q00 = d00 - 2 y0'w0 + w0'CC w0, etc. Row c of `lin` holds
        // (s0_c, s1_c, a0_c cv_c, a1_c cv_c) and of `quad` (a0_c^2, a0_c a1_c, a1_c^2).
        double[][] lin = new double[g][4 * k];
        double[][] quad = new double[g][3];
        double[][] cc = new double[k][k];
        for (int c = 0; c < g; c++) {
            System.arraycopy(s0[c], 0, lin[c], 0, k);
            System.arraycopy(s1[c], 0, lin[c], k, k);
            for (int a = 0; a < k; a++) {
                lin[c][2 * k + a] = a0[c] * cv[c][a];
                lin[c][3 * k + a] = a1[c] * cv[c][a];
            }
            quad[c][0] = a0[c] * a0[c];
            quad[c][1] = a0[c] * a1[c];
            quad[c][2] = a1[c] * a1[c];
            Linear.addOuter(cc, cv[c], 1.0);
        }
        DrawSums sums = DrawSums.of(lin, quad, support, enumerate, draws, seed);
        double[] n0 = new double[draws];
        double[] n1 = new double[draws];
        double[] q00 = new double[draws];
        double[] q01 = new double[draws];
        double[] q11 = new double[draws];
        double[] w0 = new double[k];
        double[] w1 = new double[k];
        double[] y0 = new double[k];
        double[] y1 = new double[k];
        for (int d = 0; d < draws; d++) {
            double[] row = sums.linear(d);
            System.arraycopy(row, 0, w0, 0, k);
            System.arraycopy(row, k, w1, 0, k);
            System.arraycopy(row, 2 * k, y0, 0, k);
            System.arraycopy(row, 3 * k, y1, 0, k);
            double[] cw0 = Linear.mult(cc, w0);
            double[] cw1 = Linear.mult(cc, w1);
            double[] dq = sums.quadratic(d);
            n0[d] = Linear.dot(mj, w0);
            n1[d] = Linear.dot(mj, w1);
            q00[d] = dq[0] - 2 * Linear.dot(y0, w0) + Linear.dot(w0, cw0);
            q01[d] = dq[1] - Linear.dot(y0, w1) - Linear.dot(y1, w0) + Linear.dot(w0, cw1);
            q11[d] = dq[2] - 2 * Linear.dot(y1, w1) + Linear.dot(w1, cw1);
            if (q00[d] <= CANCEL * dq[0] || q11[d] <= CANCEL * dq[2]) {
                // the expansion lost most of its digits (the projected scores nearly vanish, e.g. v = 1 with few
                // clusters): the sums of squares cluster by cluster instead
                double[] v = sums.weights(d);
                double[] z0 = new double[k];
                double[] z1 = new double[k];
                for (int c = 0; c < g; c++) {
                    for (int a = 0; a < k; a++) {
                        z0[a] += v[c] * s0[c][a];
                        z1[a] += v[c] * s1[c][a];
                    }
                }
                double e00 = 0;
                double e01 = 0;
                double e11 = 0;
                for (int c = 0; c < g; c++) {
                    double u0 = v[c] * a0[c] - Linear.dot(cv[c], z0);
                    double u1 = v[c] * a1[c] - Linear.dot(cv[c], z1);
                    e00 += u0 * u0;
                    e01 += u0 * u1;
                    e11 += u1 * u1;
                }
                n0[d] = Linear.dot(mj, z0);
                n1[d] = Linear.dot(mj, z1);
                q00[d] = e00;
                q01[d] = e01;
                q11[d] = e11;
            }
        }
        return new WildClusterBootstrap(beta[j], se, factor, n0, n1, q00, q01, q11, enumerate);
    }

    private double tObserved(double beta0) {
        return (estimate - beta0) / se;
    }

    /** The bootstrap p-value of {@code H0: beta_j = beta0} with the stored draws. */
    private double pValue(double beta0) {
        double t = Math.abs(tObserved(beta0));
        if (Double.isNaN(t)) {
            return Double.NaN;
        }
        double bar = t * (1 - TIE);
        int count = 0;
        for (int b = 0; b < n0.length; b++) {
            double num = n0[b] - beta0 * n1[b];
            double var = factor * (q00[b] - 2 * beta0 * q01[b] + beta0 * beta0 * q11[b]);
            double ts = Math.abs(num / Math.sqrt(Math.max(var, 0.0)));
            if (!(ts < bar)) {
                count++;
            }
        }
        return (double) count / n0.length;
    }

    private double[] invert(double alpha, List<String> diag) {
        if (!(se > 0) || Double.isInfinite(se)) {
            diag.add("the CR1 standard error is zero or not a number: no confidence interval");
            return new double[] {Double.NaN, Double.NaN};
        }
        double[] out = new double[2];
        for (int side = 0; side < 2; side++) {
            double dir = side == 0 ? -1 : 1;
            double inside = 0;
            double step = 1;
            while (pValue(estimate + dir * step * se) > alpha) {
                inside = step;
                step *= 2;
                if (step > 1e6) {
                    diag.add("the bootstrap confidence interval is unbounded " + (side == 0 ? "below" : "above")
                            + " (the test rejects nowhere within 1e6 standard errors)");
                    out[side] = dir * Double.POSITIVE_INFINITY;
                    break;
                }
            }
            if (step > 1e6) {
                continue;
            }
            double lo = inside;
            double hi = step;
            while (hi - lo > 1e-10) {
                double mid = 0.5 * (lo + hi);
                if (pValue(estimate + dir * mid * se) > alpha) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            out[side] = estimate + dir * 0.5 * (lo + hi) * se;
        }
        return out;
    }

    /** The bootstrap t statistics of {@code H0: term = beta0}, draw by draw; for tests. */
    static double[] bootstrapT(ClusterStatistics stats, String term, int reps, long seed, BootstrapWeights weights,
                               double beta0) {
        WildClusterBootstrap w = prepare(stats, stats.terms().indexOf(term), reps, seed, weights);
        double[] t = new double[w.n0.length];
        for (int b = 0; b < t.length; b++) {
            double var = w.factor * (w.q00[b] - 2 * beta0 * w.q01[b] + beta0 * beta0 * w.q11[b]);
            t[b] = (w.n0[b] - beta0 * w.n1[b]) / Math.sqrt(Math.max(var, 0.0));
        }
        return t;
    }

    private static double[] minus(double[] a, double[] b) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] - b[i];
        }
        return out;
    }

    /** {@code base^exp}, or {@code Long.MAX_VALUE} when that overflows. */
    private static long power(int base, int exp) {
        long r = 1;
        for (int i = 0; i < exp; i++) {
            if (r > Long.MAX_VALUE / base) {
                return Long.MAX_VALUE;
            }
            r *= base;
        }
        return r;
    }
}
