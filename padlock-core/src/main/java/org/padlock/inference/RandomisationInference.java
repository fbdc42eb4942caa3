package org.padlock.inference;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.padlock.estimation.ols.GramAccumulator;
import org.padlock.estimation.ols.WlsFit;

/**
 * Randomisation (permutation) inference for a treatment assigned to whole clusters (schools or
 * partnerships): the treatment is re-assigned to {@code G1} of the {@code G} clusters, keeping the number
 * treated, the model is refitted and the statistic recomputed (Fisher's randomisation test; Young 2019,
 * QJE 134(2); Imbens and Rubin 2015, ch. 5). Statistics: the absolute coefficient and the absolute CR1 t
 * (clustered by the same units).
 *
 * <p>When {@code choose(G, G1) <= B} every assignment is used once (the observed one among them) and
 * {@code p = #{|stat_a| >= |stat_obs|} / choose(G, G1)}, an exact p-value. Otherwise B assignments are
 * drawn uniformly with replacement (a partial Fisher-Yates shuffle of the clusters in id order, with
 * {@link SplittableRandom} and the given seed) and {@code p = (1 + #{|stat_b| >= |stat_obs|}) / (B + 1)},
 * counting the observed assignment once. Ties within a relative {@code 1e-10} count as {@code >=}; an
 * assignment under which the design is singular (treatment collinear with the covariates) counts as
 * {@code >=} (conservative) and is reported.
 *
 * <p>Computed from per-cluster statistics: with {@code Z} the design whose treatment column is replaced
 * by 1, each cluster contributes {@code Z_g'W_gZ_g} and {@code Z_g'W_g y_g}; an assignment zeroes the
 * treatment row and column of the untreated clusters' statistics. A re-assignment costs
 * {@code O(G k^2 + k^3)}, independent of the number of pupils.
 */
public final class RandomisationInference {
    static final double TIE = 1e-10;

    private RandomisationInference() {
    }

    /**
     * @param fit        the weighted least-squares fit with the observed treatment
     * @param term       the treatment term: 0/1 and constant within each cluster
     * @param clusterIds assignment unit of every design row given to the fit
     * @param reps       number of random assignments B (at least 1)
     */
    public static RandomisationResult test(WlsFit fit, String term, String[] clusterIds, int reps, long seed) {
        if (reps < 1) {
            throw new IllegalArgumentException("the number of randomisation replications must be at least 1; found " + reps);
        }
        Setup s = setup(fit, term, clusterIds);
        List<String> diag = new ArrayList<>();
        if (s.g < 2 || s.g1 == 0 || s.g1 == s.g) {
            diag.add("randomisation inference needs at least one treated and one untreated cluster; found " + s.g1
                    + " treated of " + s.g);
            return new RandomisationResult(term, fit.coefficient(term), Double.NaN, s.g, s.g1, 0, false, seed,
                    Double.NaN, Double.NaN, diag);
        }
        double[] obs = s.statistic(s.observed);
        long all = choose(s.g, s.g1);
        boolean enumerate = all <= reps;
        long[] count = new long[2];
        int[] singular = new int[1];
        if (enumerate) {
            forEachAssignment(s.g, s.g1, d -> tally(s.statistic(d), obs, count, singular));
        } else {
            SplittableRandom rnd = new SplittableRandom(seed);
            int[] order = new int[s.g];
            boolean[] d = new boolean[s.g];
            for (int b = 0; b < reps; b++) {
                for (int c = 0; c < s.g; c++) {
                    order[c] = c;
                }
                java.util.Arrays.fill(d, false);
                for (int c = 0; c < s.g1; c++) {
                    int pick = c + rnd.nextInt(s.g - c);
                    int tmp = order[c];
                    order[c] = order[pick];
                    order[pick] = tmp;
                    d[order[c]] = true;
                }
                tally(s.statistic(d), obs, count, singular);
            }
        }
        double denom = enumerate ? all : reps + 1.0;
        double add = enumerate ? 0 : 1;
        if (enumerate) {
            diag.add("all " + all + " assignments of " + s.g1 + " treated among " + s.g + " clusters were enumerated;"
                    + " the smallest attainable p-value is " + (1.0 / all));
        }
        if (singular[0] > 0) {
            diag.add(singular[0] + " re-assignments made the design singular and were counted as at least as extreme");
        }
        return new RandomisationResult(term, obs[0], obs[1], s.g, s.g1, enumerate ? all : reps, enumerate, seed,
                (add + count[0]) / denom, (add + count[1]) / denom, diag);
    }

    /** |coefficient| and |t| of every enumerated assignment (in {@link #forEachAssignment} order); for tests. */
    static List<double[]> enumeratedStatistics(WlsFit fit, String term, String[] clusterIds) {
        Setup s = setup(fit, term, clusterIds);
        List<double[]> out = new ArrayList<>();
        forEachAssignment(s.g, s.g1, d -> out.add(s.statistic(d)));
        return out;
    }

    private static void tally(double[] stat, double[] obs, long[] count, int[] singular) {
        if (Double.isNaN(stat[0])) {
            singular[0]++;
        }
        for (int i = 0; i < 2; i++) {
            if (!(Math.abs(stat[i]) < Math.abs(obs[i]) * (1 - TIE))) {
                count[i]++;
            }
        }
    }

    /**
     * Whether {@code term} is 0 or 1 and constant within every cluster of {@code clusterIds}: the
     * condition for re-assigning it to whole clusters ({@link #test} refuses otherwise).
     */
    public static boolean assignsWholeClusters(WlsFit fit, String term, String[] clusterIds) {
        return violation(fit, term, ClusterIndex.of(clusterIds, fit.usedRows())) == null;
    }

    /** Why {@code term} cannot be re-assigned to whole clusters, or null when it can. */
    private static String violation(WlsFit fit, String term, ClusterIndex index) {
        int j = fit.index(term);
        for (int c = 0; c < index.size(); c++) {
            int[] rows = index.membersRef(c);
            double first = fit.row(rows[0])[j];
            for (int i : rows) {
                double v = fit.row(i)[j];
                if (v != first || (v != 0.0 && v != 1.0)) {
                    return "randomisation inference re-assigns " + term + " to whole clusters: it must be"
                            + " 0 or 1 and constant within each cluster; cluster " + index.id(c) + " has "
                            + first + " and " + v;
                }
            }
        }
        return null;
    }

    private static Setup setup(WlsFit fit, String term, String[] clusterIds) {
        int j = fit.index(term);
        int k = fit.rank();
        ClusterIndex index = ClusterIndex.of(clusterIds, fit.usedRows());
        String bad = violation(fit, term, index);
        if (bad != null) {
            throw new IllegalArgumentException(bad);
        }
        // clusters in id order, so that results do not depend on the order of the rows
        List<Integer> byId = new ArrayList<>();
        for (int g = 0; g < index.size(); g++) {
            byId.add(g);
        }
        byId.sort((a, b) -> index.id(a).compareTo(index.id(b)));
        int g = index.size();
        double[][][] gz = new double[g][][];
        double[][] bz = new double[g][];
        boolean[] observed = new boolean[g];
        int g1 = 0;
        for (int c = 0; c < g; c++) {
            int[] rows = index.membersRef(byId.get(c));
            observed[c] = fit.row(rows[0])[j] == 1.0;
            if (observed[c]) {
                g1++;
            }
            // the statistics of Z_g: the cluster's rows with the treatment column set to 1
            double[][] cols = new double[k][rows.length];
            double[] yg = new double[rows.length];
            double[] wg = new double[rows.length];
            for (int r = 0; r < rows.length; r++) {
                double[] x = fit.row(rows[r]);
                for (int a = 0; a < k; a++) {
                    cols[a][r] = a == j ? 1.0 : x[a];
                }
                yg[r] = fit.outcome(rows[r]);
                wg[r] = fit.weight(rows[r]);
            }
            GramAccumulator acc = new GramAccumulator(k);
            acc.add(cols, yg, wg, 0, rows.length);
            double[][] gram = acc.xtwx();
            double[] xy = acc.xtwy();
            gz[c] = gram;
            bz[c] = xy;
        }
        return new Setup(j, k, g, g1, gz, bz, observed, fit.n());
    }

    private record Setup(int j, int k, int g, int g1, double[][][] gz, double[][] bz, boolean[] observed, long n) {
        /** |coefficient| and |CR1 t| of the treatment under assignment {@code d}; NaN when the design is singular. */
        double[] statistic(boolean[] d) {
            double[][] gt = new double[k][k];
            double[] bt = new double[k];
            for (int c = 0; c < g; c++) {
                addMasked(gt, bt, gz[c], bz[c], d[c]);
            }
            double[][] m;
            try {
                m = Linear.invertSpd(gt);
            } catch (IllegalStateException e) {
                return new double[] {Double.NaN, Double.NaN};
            }
            double[] beta = Linear.mult(m, bt);
            double sq = 0;
            double[][] gg = new double[k][k];
            double[] bg = new double[k];
            for (int c = 0; c < g; c++) {
                for (double[] row : gg) {
                    java.util.Arrays.fill(row, 0.0);
                }
                java.util.Arrays.fill(bg, 0.0);
                addMasked(gg, bg, gz[c], bz[c], d[c]);
                double a = ClusterStatistics.projectedScore(m[j], gg, bg, beta);
                sq += a * a;
            }
            double se = Math.sqrt(Covariance.cr1Factor(g, n, k) * sq);
            return new double[] {beta[j], beta[j] / se};
        }

        private void addMasked(double[][] gt, double[] bt, double[][] gram, double[] xy, boolean treated) {
            for (int a = 0; a < k; a++) {
                if (a == j && !treated) {
                    continue;
                }
                bt[a] += xy[a];
                for (int b = 0; b < k; b++) {
                    if (b != j || treated) {
                        gt[a][b] += gram[a][b];
                    }
                }
            }
        }
    }

    /** Calls {@code action} with every subset of size {@code g1} of {@code 0..g-1} (lexicographic order). */
    static void forEachAssignment(int g, int g1, java.util.function.Consumer<boolean[]> action) {
        int[] idx = new int[g1];
        for (int i = 0; i < g1; i++) {
            idx[i] = i;
        }
        boolean[] d = new boolean[g];
        while (true) {
            java.util.Arrays.fill(d, false);
            for (int i : idx) {
                d[i] = true;
            }
            action.accept(d);
            int i = g1 - 1;
            while (i >= 0 && idx[i] == g - g1 + i) {
                i--;
            }
            if (i < 0) {
                return;
            }
            idx[i]++;
            for (int r = i + 1; r < g1; r++) {
                idx[r] = idx[r - 1] + 1;
            }
        }
    }

    /** {@code choose(n, r)}, or {@code Long.MAX_VALUE} when it overflows. */
    static long choose(int n, int r) {
        long c = 1;
        for (int i = 1; i <= r; i++) {
            long num = n - r + i;
            if (c > Long.MAX_VALUE / num) {
                return Long.MAX_VALUE;
            }
            c = c * num / i;
        }
        return c;
    }
}
