package org.padlock.design;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.padlock.data.Collinearity;
import org.padlock.data.ModelMatrix;
import org.padlock.estimation.ols.GramAccumulator;

/**
 * Logit and probit regression by Fisher scoring (iteratively reweighted least squares), as R's
 * {@code glm.fit} (McCullagh and Nelder 1989, s. 2.5), step for step: the same starting values,
 * the same stopping rule (relative change in deviance below 1e-8, at most 25 iterations) and
 * standard errors from the working weights of the last iteration, so that estimates agree with
 * R's to rounding error. Collinear terms are dropped, as in R. On large samples the iteration starts
 * nearer the maximum ({@link WarmStart}), which saves passes over the rows; the estimates then agree
 * with glm's within glm's own convergence error (about 1e-8 relative) and the standard errors within
 * about 1e-4 relative (both take them from the weights of an iterate short of the maximum, glm's
 * next-to-last, here the last but the chord step, and the two iterates differ).
 *
 * <p>Complete or quasi-complete separation is detected and the offending terms named by
 * {@link Separation}.
 */
public final class BinaryRegression {
    private static final int MAX_ITER = 25;
    /** R's {@code glm.control(epsilon = 1e-8)}. */
    private static final double EPSILON = 1e-8;
    /** Iterations allowed from a given start before it counts as not converged (glm's start usually needs 4 to 8). */
    private static final int WARM_MAX_ITER = 8;

    private BinaryRegression() {
    }

    /**
     * The maximum-likelihood fit of {@code y} on the columns of {@code x}. On a large sample (see
     * {@link WarmStart}) Fisher scoring over all rows starts from the fit to a weighted subsample
     * instead of glm's {@code mustart}: it reaches the same maximum in about three passes over the
     * rows instead of six or seven. The start is abandoned, and the fit made again from glm's start,
     * whenever it does not lead to a converged fit on the same terms.
     */
    public static PropensityFit fit(ModelMatrix x, double[] y, Link link) {
        return fit(x, y, link, WarmStart.PER_CLASS);
    }

    /** As {@link #fit(ModelMatrix, double[], Link)}, with a subsample of at most {@code perClass} rows per class. */
    static PropensityFit fit(ModelMatrix x, double[] y, Link link, int perClass) {
        double[][] full = x.x();
        double[] start = WarmStart.coefficients(full, y, link, perClass);
        Irls f = start == null ? null : irls(full, x.names(), y, null, link, start);
        if (f == null || !f.converged || f.kept.length < full.length) {
            f = irls(full, x.names(), y, null, link, null);
        }
        List<String> diagnostics = new ArrayList<>(f.diagnostics);
        if (!f.converged) {
            diagnostics.add("the propensity model did not converge in " + f.iterations + " iterations");
        }
        double ll = -f.deviance / 2; // the log-likelihood of the last pass, exactly
        // the intercept-only log-likelihood, sum of y log(ybar) + (1 - y) log(1 - ybar), from the sum of y
        double sy = 0;
        for (double v : y) {
            sy += v;
        }
        double ybar = y.length == 0 ? 0.5 : sy / y.length;
        double ll0 = sy * Math.log(ybar) + (y.length - sy) * Math.log(1 - ybar);
        double[] coefFull = new double[full.length];
        double[] seFull = new double[full.length];
        Arrays.fill(coefFull, Double.NaN);
        Arrays.fill(seFull, Double.NaN);
        for (int a = 0; a < f.kept.length; a++) {
            coefFull[f.kept[a]] = f.beta[a];
            seFull[f.kept[a]] = f.se[a];
        }
        Separation sep = Separation.check(x.names(), full, y, coefFull, seFull, f.fitted, f.converged);
        if (sep.detected()) {
            diagnostics.add(sep.message());
        } else if (sep.extremeFitted() > 0) {
            diagnostics.add(sep.extremeFitted() + " fitted probabilities are numerically 0 or 1 (no separation found:"
                    + " the fit converged and no coefficient diverges)");
        }
        return new PropensityFit(link, x.names(), coefFull, seFull, f.fitted, ll, ll0, f.iterations, f.converged, diagnostics, sep);
    }

    /**
     * A fit by Fisher scoring: the coefficients and standard errors of the {@code kept} terms, the
     * unclamped fitted values and deviance of the last pass, the number of iterations.
     */
    record Irls(int[] kept, double[] beta, double[] se, double[] fitted, double deviance, int iterations,
                boolean converged, List<String> diagnostics) {
    }

    /**
     * glm.fit's iteration on the columns {@code full}, with prior weights {@code pw} ({@code null}: all
     * 1; the working weights are {@code pw} times the usual ones and the deviance is weighted, as in
     * glm) from {@code start} (coefficients over all columns, NaN read as 0; {@code null}: glm's start
     * {@code mu = (y + 0.5) / 2}; from a given start a chord step follows the iteration that meets the
     * stopping rule, and at most 8 iterations are made). The standard errors come from the last
     * information matrix computed, as glm's. The first iteration's cross-products over every term decide which
     * terms are linearly independent (glm.fit's pivoted QR of the weighted model matrix,
     * {@link Collinearity}); later iterations use those terms only.
     */
    static Irls irls(double[][] full, List<String> names, double[] y, double[] pw, Link link, double[] start) {
        int n = y.length;
        List<String> diagnostics = new ArrayList<>();
        double[] eta = new double[n];
        double[] mu = new double[n];
        // the fitted values (means, unclamped) of the current linear predictor, kept with it
        double[] fitted = new double[n];
        if (start == null) {
            // R's binomial()$initialize: mu = (y + 0.5) / 2, i.e. 0.25 or 0.75 for y = 0 or 1
            double eta0 = initialEta(link, 0.25);
            double eta1 = initialEta(link, 0.75);
            for (int i = 0; i < n; i++) {
                mu[i] = (y[i] + 0.5) / 2;
                eta[i] = mu[i] == 0.25 ? eta0 : mu[i] == 0.75 ? eta1 : initialEta(link, mu[i]);
            }
        } else {
            double[] b = new double[start.length];
            for (int a = 0; a < b.length; a++) {
                b[a] = Double.isNaN(start[a]) ? 0 : start[a];
            }
            ColumnAlgebra.linearPredictor(full, b, eta);
            RowBlocks.forEach(n, (lo, hi) -> {
                for (int i = lo; i < hi; i++) {
                    mu[i] = clamp(link.mean(eta[i]));
                }
            });
        }
        double dev = -2 * logLik(y, mu, pw);
        double[] w = new double[n];
        double[] z = new double[n];
        working(link, y, pw, eta, fitted, mu, w, z);
        GramAccumulator first = GramAccumulator.of(full, z, w);
        int[] kept = ColumnAlgebra.reported(Collinearity.independentTerms(first.xtwx()), names,
                "terms dropped as collinear or constant: ", diagnostics);
        int p = kept.length;
        double[][] xs = ColumnAlgebra.select(full, kept);
        double[] beta = new double[p];
        DMatrixRMaj info = new DMatrixRMaj(p, p);
        DMatrixRMaj rhs = new DMatrixRMaj(p, 1);
        DMatrixRMaj sol = new DMatrixRMaj(p, 1);
        boolean converged = false;
        int it = 0;
        // from a start already near the maximum the stopping rule is met one iteration earlier than from glm's
        // start, whose last step usually takes the error from about 1e-8 to rounding error. One more step
        // does the same here: a Newton step with the last information matrix (a chord step; its score
        // X'W(z - eta) costs a pass over the rows, not a new cross-product matrix), which takes the error
        // from e to about e times the previous step's error
        boolean polish = false;
        // a start that needs more iterations than glm's usually does is abandoned by the caller
        int maxIter = start == null ? MAX_ITER : WARM_MAX_ITER;
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.symmPosDef(p);
        while (it < maxIter) {
            it++;
            if (polish) {
                double[] score = ColumnAlgebra.score(xs, w, z, eta);
                for (int a = 0; a < p; a++) {
                    rhs.set(a, 0, score[a]);
                }
                solver.solve(rhs, sol);
                for (int a = 0; a < p; a++) {
                    beta[a] += sol.get(a, 0);
                }
            } else {
                if (it == 1) {
                    ColumnAlgebra.copy(first.xtwx(), first.xtwy(), kept, info, rhs);
                } else {
                    ColumnAlgebra.crossProducts(xs, w, z, info, rhs);
                }
                if (!solver.setA(info.copy())) {
                    diagnostics.add("the information matrix became singular at iteration " + it);
                    break;
                }
                solver.solve(rhs, sol);
                for (int a = 0; a < p; a++) {
                    beta[a] = sol.get(a, 0);
                }
            }
            // one pass over the rows: the new linear predictor, fitted values, log-likelihood, and the
            // working weights and response of the next iteration
            double newDev = -2 * RowBlocks.sum(n, (lo, hi) -> {
                ColumnAlgebra.linearPredictor(xs, beta, eta, lo, hi);
                double ll = 0;
                for (int i = lo; i < hi; i++) {
                    fitted[i] = link.mean(eta[i]);
                    mu[i] = clamp(fitted[i]);
                    ll += pw == null ? logLik(y[i], mu[i]) : pw[i] * logLik(y[i], mu[i]);
                    working(link, y, pw, eta, fitted, mu, w, z, i);
                }
                return ll;
            });
            boolean met = Math.abs(newDev - dev) / (Math.abs(newDev) + 0.1) < EPSILON;
            dev = newDev;
            if (polish || (met && start == null)) {
                converged = true;
                break;
            }
            polish = met;
        }
        double[] se = new double[p];
        DMatrixRMaj inv = new DMatrixRMaj(p, p);
        if (solver.setA(info.copy())) {
            solver.invert(inv);
            for (int a = 0; a < p; a++) {
                se[a] = Math.sqrt(inv.get(a, a));
            }
        } else {
            Arrays.fill(se, Double.NaN);
        }
        return new Irls(kept, beta, se, fitted, dev, it, converged, diagnostics);
    }

    /**
     * The fitted values {@code mean = mean(eta)} (unclamped), the working weights
     * {@code w = (d mu/d eta)^2 / var(mu)} and working response {@code z = eta + (y - mu) / (d mu/d eta)};
     * units with a zero derivative or variance are left out (weight 0), as glm.fit does.
     */
    private static void working(Link link, double[] y, double[] pw, double[] eta, double[] mean, double[] mu, double[] w,
                                double[] z) {
        RowBlocks.forEach(y.length, (lo, hi) -> {
            for (int i = lo; i < hi; i++) {
                mean[i] = link.mean(eta[i]);
                working(link, y, pw, eta, mean, mu, w, z, i);
            }
        });
    }

    /** The working weight (times the prior weight, if any) and response of row {@code i}, given its unclamped mean. */
    private static void working(Link link, double[] y, double[] pw, double[] eta, double[] mean, double[] mu, double[] w,
                                double[] z, int i) {
        double d = link.derivative(eta[i], mean[i]);
        double var = mu[i] * (1 - mu[i]);
        if (!(d > 0) || !(var > 0)) {
            w[i] = 0;
            z[i] = 0;
            return;
        }
        w[i] = (pw == null ? 1 : pw[i]) * d * d / var;
        z[i] = eta[i] + (y[i] - mu[i]) / d;
    }

    private static double initialEta(Link link, double mu) {
        return link == Link.LOGIT ? Math.log(mu / (1 - mu))
                : new org.hipparchus.distribution.continuous.NormalDistribution(0, 1).inverseCumulativeProbability(mu);
    }

    private static double clamp(double m) {
        return Math.min(Math.max(m, 1e-300), 1 - 1e-16);
    }

    /** The log-likelihood, weighted by {@code pw} unless null, summed as the iterations sum it ({@link RowBlocks}). */
    private static double logLik(double[] y, double[] mu, double[] pw) {
        return RowBlocks.sum(y.length, (lo, hi) -> {
            double ll = 0;
            for (int i = lo; i < hi; i++) {
                ll += pw == null ? logLik(y[i], mu[i]) : pw[i] * logLik(y[i], mu[i]);
            }
            return ll;
        });
    }

    private static double logLik(double y, double mu) {
        return y > 0.5 ? Math.log(mu) : StandardNormal.log1p(-mu);
    }
}
