package org.padlock.estimation.mixed;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.univariate.BrentOptimizer;
import org.hipparchus.optim.univariate.SearchInterval;
import org.hipparchus.optim.univariate.UnivariateObjectiveFunction;
import org.hipparchus.optim.univariate.UnivariatePointValuePair;
import org.padlock.EstimationException;
import org.padlock.data.Collinearity;
import org.padlock.data.ModelMatrix;

/**
 * Random-intercept linear mixed model by REML or ML, as {@code lme4::lmer(y ~ X + (1 | group))}
 * (Bates, Maechler, Bolker and Walker 2015, "Fitting linear mixed-effects models using lme4",
 * J. Stat. Software 67(1), s. 3.4-3.5, eqs. 34 and 41).
 *
 * <p>With {@code theta = sd_between / sd_within} and {@code lambda = theta^2}, the marginal
 * covariance of group g is {@code sigma^2 (W_g^-1 + lambda 1 1')}, whose inverse is
 * {@code W_g - c_g (W_g 1)(1' W_g)} with {@code c_g = lambda / (1 + lambda sum_g w)}. Hence
 * {@code A = X'V^-1 X}, {@code X'V^-1 y} and {@code y'V^-1 y} (unit sigma) need only the totals
 * {@code X'WX, X'Wy, y'Wy} and per group {@code sum w, X_g'w_g, w_g'y_g} ({@link GroupedStatistics}).
 * With {@code r^2 = y'V^-1 y - b'X'V^-1 y} at the GLS estimate {@code b}, the profiled criteria are
 * <pre>
 *   ML:   -2 logL   = sum_g log(1 + lambda sum_g w) - sum log w + n (1 + log(2 pi r^2 / n))
 *   REML: REMLcrit  = sum_g log(1 + lambda sum_g w) - sum log w + log det A + (n - p)(1 + log(2 pi r^2 / (n - p)))
 * </pre>
 * and {@code sigma^2 = r^2 / n} (ML) or {@code r^2 / (n - p)} (REML), {@code vcov = sigma^2 A^-1}.
 * Weights are lme4's precision weights (residual variance {@code sigma^2 / w_i}; tested against
 * {@code lmer(..., weights = w)}); they are not frequency or sampling weights.
 *
 * <p>The criterion is minimised over {@code theta} in {@code [0, inf)} by a grid (0 and 48
 * log-spaced points from 1e-3 to 20, extended while the best point is the last) followed by
 * Hipparchus' {@link BrentOptimizer} between the neighbours of the best grid point. A fit with
 * {@code theta < 1e-4} is reported as singular (lme4's {@code isSingular} tolerance).
 *
 * <p>Tests of fixed effects: lme4 gives none. We use t with "between-within" degrees of freedom
 * (Raudenbush and Bryk 2002, Hierarchical Linear Models, 2nd ed., s. 3; SAS PROC MIXED
 * {@code DDFM=BETWITHIN}): terms constant within every group (intercept, treatment assigned to
 * schools, school covariates; {@code p2} of them) get {@code G - p2} df, other terms
 * {@code n - G - (p - p2)}. For a school-level treatment this is the t reference of a cluster-level
 * analysis, which does not overstate precision with few schools as the normal would.
 */
public final class RandomInterceptModel {
    /** lme4's {@code isSingular} tolerance on theta. */
    public static final double SINGULAR_TOLERANCE = 1e-4;
    private static final int GRID = 48;

    private RandomInterceptModel() {
    }

    /**
     * Fits the model to rows with positive weight.
     *
     * @param x     fixed-effects design (with intercept if wanted)
     * @param y     outcome, no missing values
     * @param w     precision weights, finite and non-negative ({@code null} = all 1); rows with weight 0 are left out
     * @param group group id per row (no nulls)
     * @param reml  REML (lmer's default) or ML
     * @throws EstimationException with fewer than two groups or fewer groups than observations
     */
    public static MixedFit fit(ModelMatrix x, double[] y, double[] w, String[] group, boolean reml) {
        int n = x.rowCount();
        if (y.length != n || group.length != n || (w != null && w.length != n)) {
            throw new IllegalArgumentException("x, y, w and group must have the same number of rows");
        }
        int p = x.termCount();
        double[][] cols = x.x();
        int m = 0;
        for (int i = 0; i < n; i++) {
            double wi = w == null ? 1.0 : w[i];
            if (!(wi >= 0) || Double.isInfinite(wi)) {
                throw new IllegalArgumentException("weights must be finite and >= 0; found " + wi + " at row " + (i + 1));
            }
            if (Double.isNaN(y[i])) {
                throw new IllegalArgumentException("outcome is missing at row " + (i + 1));
            }
            if (group[i] == null) {
                throw new IllegalArgumentException("group is missing at row " + (i + 1));
            }
            if (wi > 0) {
                m++;
            }
        }
        double[][] xs = cols;
        double[] ys = y;
        double[] ws = w;
        String[] gs = group;
        if (w == null) {
            ws = new double[n];
            java.util.Arrays.fill(ws, 1.0);
        }
        if (m < n) {
            // rows with weight 0 are left out (copies only in this case)
            xs = new double[p][m];
            ys = new double[m];
            ws = new double[m];
            gs = new String[m];
            int k = 0;
            for (int i = 0; i < n; i++) {
                if (w[i] > 0) {
                    for (int j = 0; j < p; j++) {
                        xs[j][k] = cols[j][i];
                    }
                    ys[k] = y[i];
                    ws[k] = w[i];
                    gs[k] = group[i];
                    k++;
                }
            }
        }
        GroupedStatistics st = new GroupedStatistics(p);
        st.add(xs, ys, ws, gs);
        return fit(st, x.names(), reml);
    }

    /** Fits the model from merged sufficient statistics (terms named in {@code names}, in order). */
    public static MixedFit fit(GroupedStatistics st, List<String> names, boolean reml) {
        long n = st.totals().n();
        int groups = st.groups().size();
        if (groups < 2) {
            throw new EstimationException("a random-intercept model needs at least two groups; found " + groups,
                    List.of("only one group: the between-group variance is not identified"));
        }
        if (groups >= n) {
            throw new EstimationException("a random-intercept model needs fewer groups than observations ("
                    + groups + " groups, " + n + " observations)", List.of("every group has one observation"));
        }
        int[] kept = Collinearity.independentTerms(st.totals().xtwx());
        List<String> keptNames = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        boolean[] isKept = new boolean[names.size()];
        for (int j : kept) {
            isKept[j] = true;
            keptNames.add(names.get(j));
        }
        for (int j = 0; j < names.size(); j++) {
            if (!isKept[j]) {
                dropped.add(names.get(j));
            }
        }
        int q = kept.length;
        if (n - q <= 0) {
            throw new EstimationException("more fixed effects (" + q + ") than observations (" + n + ")", List.of());
        }
        Profile prof = new Profile(st, kept, reml);
        List<String> diag = new ArrayList<>();
        if (!dropped.isEmpty()) {
            diag.add("dropped as collinear: " + String.join(", ", dropped));
        }
        double theta = minimise(prof, diag);
        Profile.Eval e = prof.eval(theta, true);
        double sigma2 = e.r2 / (reml ? n - q : n);
        double[][] vcov = new double[q][q];
        for (int a = 0; a < q; a++) {
            for (int b = 0; b < q; b++) {
                vcov[a][b] = sigma2 * e.ainv[a][b];
            }
        }
        int p2 = 0;
        boolean[] level2 = new boolean[q];
        for (int a = 0; a < q; a++) {
            level2[a] = st.constantWithinGroups(kept[a]);
            p2 += level2[a] ? 1 : 0;
        }
        double[] df = new double[q];
        for (int a = 0; a < q; a++) {
            df[a] = level2[a] ? groups - p2 : n - groups - (q - p2);
        }
        boolean singular = theta < SINGULAR_TOLERANCE;
        if (singular) {
            diag.add("singular fit: the between-group variance is estimated as 0 (boundary; lme4 reports"
                    + " 'boundary (singular) fit'); the model reduces to ordinary least squares");
        }
        return new MixedFit(keptNames, dropped, e.beta, vcov, df, reml, theta * theta * sigma2, sigma2, theta,
                -0.5 * e.deviance, n, groups, singular, diag);
    }

    /** Grid over theta, then Brent between the neighbours of the best grid point. */
    private static double minimise(Profile prof, List<String> diag) {
        double upper = 20;
        double[] grid;
        double[] val;
        int best;
        while (true) {
            grid = new double[GRID + 1];
            val = new double[GRID + 1];
            grid[0] = 0;
            for (int i = 1; i <= GRID; i++) {
                grid[i] = 1e-3 * Math.pow(upper / 1e-3, (i - 1) / (double) (GRID - 1));
            }
            best = 0;
            for (int i = 0; i <= GRID; i++) {
                val[i] = prof.eval(grid[i], false).deviance;
                if (val[i] < val[best]) {
                    best = i;
                }
            }
            if (best < GRID || upper >= 1e6) {
                break;
            }
            upper *= 100;
        }
        if (best == GRID) {
            diag.add("the between-group variance ratio did not converge (theta > " + upper + ")");
            return grid[best];
        }
        double lo = best == 0 ? 0 : grid[best - 1];
        double hi = grid[best + 1];
        try {
            UnivariatePointValuePair r = new BrentOptimizer(1e-12, 1e-14).optimize(new MaxEval(500),
                    new UnivariateObjectiveFunction(t -> prof.eval(t, false).deviance), GoalType.MINIMIZE,
                    new SearchInterval(lo, hi, grid[best]));
            return r.getValue() <= val[best] ? r.getPoint() : grid[best];
        } catch (MathIllegalStateException ex) {
            diag.add("the optimiser did not converge; the best grid value of theta (" + grid[best] + ") is used");
            return grid[best];
        }
    }

    /** The profiled criterion as a function of theta, for the kept terms. */
    private static final class Profile {
        final boolean reml;
        final int q;
        final long n;
        final double sumLogW;
        final double[][] xtwx;
        final double[] xtwy;
        final double ytwy;
        final double[] sw;
        final double[] swy;
        final double[][] a;

        Profile(GroupedStatistics st, int[] kept, boolean reml) {
            this.reml = reml;
            this.q = kept.length;
            this.n = st.totals().n();
            this.sumLogW = st.sumLogW();
            double[][] g = st.totals().xtwx();
            double[] b = st.totals().xtwy();
            xtwx = new double[q][q];
            xtwy = new double[q];
            for (int i = 0; i < q; i++) {
                xtwy[i] = b[kept[i]];
                for (int j = 0; j < q; j++) {
                    xtwx[i][j] = g[kept[i]][kept[j]];
                }
            }
            ytwy = st.totals().ytwy();
            int groups = st.groups().size();
            sw = new double[groups];
            swy = new double[groups];
            a = new double[groups][q];
            int gi = 0;
            for (Map.Entry<String, double[]> e : st.groups().entrySet()) {
                double[] s = e.getValue();
                sw[gi] = s[0];
                swy[gi] = s[1];
                for (int i = 0; i < q; i++) {
                    a[gi][i] = s[3 + kept[i]];
                }
                gi++;
            }
        }

        record Eval(double deviance, double r2, double[] beta, double[][] ainv) {
        }

        Eval eval(double theta, boolean inverse) {
            double lambda = theta * theta;
            DMatrixRMaj am = new DMatrixRMaj(q, q);
            DMatrixRMaj bm = new DMatrixRMaj(q, 1);
            double yvy = ytwy;
            double logDetL = 0;
            for (int i = 0; i < q; i++) {
                bm.data[i] = xtwy[i];
                System.arraycopy(xtwx[i], 0, am.data, i * q, q);
            }
            for (int g = 0; g < sw.length; g++) {
                double c = lambda / (1 + lambda * sw[g]);
                logDetL += Math.log1p(lambda * sw[g]);
                if (c == 0) {
                    continue;
                }
                double[] ag = a[g];
                yvy -= c * swy[g] * swy[g];
                for (int i = 0; i < q; i++) {
                    double ci = c * ag[i];
                    bm.data[i] -= ci * swy[g];
                    int row = i * q;
                    for (int j = 0; j < q; j++) {
                        am.data[row + j] -= ci * ag[j];
                    }
                }
            }
            LinearSolverDense<DMatrixRMaj> chol = LinearSolverFactory_DDRM.chol(q);
            if (!chol.setA(am)) {
                return new Eval(Double.POSITIVE_INFINITY, Double.NaN, null, null);
            }
            @SuppressWarnings("unchecked")
            DMatrixRMaj t = ((CholeskyDecomposition_F64<DMatrixRMaj>) chol.getDecomposition()).getT(null);
            double logDetA = 0;
            for (int i = 0; i < q; i++) {
                logDetA += 2 * Math.log(t.get(i, i));
            }
            double[] xvy = bm.data.clone();
            DMatrixRMaj beta = new DMatrixRMaj(q, 1);
            chol.solve(bm, beta);
            double r2 = yvy;
            for (int i = 0; i < q; i++) {
                r2 -= beta.data[i] * xvy[i];
            }
            double dev = logDetL - sumLogW;
            if (reml) {
                double df = n - q;
                dev += logDetA + df * (1 + Math.log(2 * Math.PI * r2 / df));
            } else {
                dev += n * (1 + Math.log(2 * Math.PI * r2 / n));
            }
            double[][] inv = null;
            if (inverse) {
                DMatrixRMaj im = new DMatrixRMaj(q, q);
                chol.invert(im);
                inv = new double[q][q];
                for (int i = 0; i < q; i++) {
                    for (int j = 0; j < q; j++) {
                        inv[i][j] = im.get(i, j);
                    }
                }
            }
            return new Eval(dev, r2, beta.data.clone(), inv);
        }
    }
}
