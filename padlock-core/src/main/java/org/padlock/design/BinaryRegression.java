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
 * R's to rounding error. Collinear terms are dropped, as in R.
 *
 * <p>Complete or quasi-complete separation is detected and the offending terms named by
 * {@link Separation}.
 */
public final class BinaryRegression {
    private static final int MAX_ITER = 25;
    /** R's {@code glm.control(epsilon = 1e-8)}. */
    private static final double EPSILON = 1e-8;

    private BinaryRegression() {
    }

    public static PropensityFit fit(ModelMatrix x, double[] y, Link link) {
        int n = x.rowCount();
        double[][] full = x.x();
        List<String> diagnostics = new ArrayList<>();
        double ybar = Arrays.stream(y).average().orElse(0.5);
        double[] eta = new double[n];
        double[] mu = new double[n];
        // R's binomial()$initialize: mu = (y + 0.5) / 2, i.e. 0.25 or 0.75 for y = 0 or 1
        double eta0 = initialEta(link, 0.25);
        double eta1 = initialEta(link, 0.75);
        for (int i = 0; i < n; i++) {
            mu[i] = (y[i] + 0.5) / 2;
            eta[i] = mu[i] == 0.25 ? eta0 : mu[i] == 0.75 ? eta1 : initialEta(link, mu[i]);
        }
        double dev = deviance(y, mu);
        double[] w = new double[n];
        double[] z = new double[n];
        // the fitted values (means, unclamped) of the current linear predictor, kept with it
        double[] fitted = new double[n];
        working(link, y, eta, fitted, mu, w, z);
        // the first iteration's cross-products over every term decide which terms are linearly independent
        // (glm.fit's pivoted QR of the weighted model matrix, Collinearity); later iterations use those terms only
        GramAccumulator first = GramAccumulator.of(full, z, w);
        int[] kept = ColumnAlgebra.reported(Collinearity.independentTerms(first.xtwx()), x.names(),
                "terms dropped as collinear or constant: ", diagnostics);
        int p = kept.length;
        double[][] xs = ColumnAlgebra.select(full, kept);
        double[] beta = new double[p];
        DMatrixRMaj info = new DMatrixRMaj(p, p);
        DMatrixRMaj rhs = new DMatrixRMaj(p, 1);
        DMatrixRMaj sol = new DMatrixRMaj(p, 1);
        boolean converged = false;
        int it = 0;
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.symmPosDef(p);
        while (it < MAX_ITER) {
            it++;
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
            // one pass over the rows: the new linear predictor, fitted values, log-likelihood, and the
            // working weights and response of the next iteration
            double newDev = -2 * RowBlocks.sum(n, (lo, hi) -> {
                ColumnAlgebra.linearPredictor(xs, beta, eta, lo, hi);
                double ll = 0;
                for (int i = lo; i < hi; i++) {
                    fitted[i] = link.mean(eta[i]);
                    mu[i] = clamp(fitted[i]);
                    ll += logLik(y[i], mu[i]);
                    working(link, y, eta, fitted, mu, w, z, i);
                }
                return ll;
            });
            if (Math.abs(newDev - dev) / (Math.abs(newDev) + 0.1) < EPSILON) {
                dev = newDev;
                converged = true;
                break;
            }
            dev = newDev;
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
        if (!converged) {
            diagnostics.add("the propensity model did not converge in " + it + " iterations");
        }
        double ll = -dev / 2; // the log-likelihood of the last pass, exactly
        double ll0 = 0;
        for (double v : y) {
            ll0 += v * Math.log(ybar) + (1 - v) * Math.log(1 - ybar);
        }
        double[] coefFull = new double[full.length];
        double[] seFull = new double[full.length];
        Arrays.fill(coefFull, Double.NaN);
        Arrays.fill(seFull, Double.NaN);
        for (int a = 0; a < p; a++) {
            coefFull[kept[a]] = beta[a];
            seFull[kept[a]] = se[a];
        }
        Separation sep = Separation.check(x.names(), full, y, coefFull, seFull, fitted, converged);
        if (sep.detected()) {
            diagnostics.add(sep.message());
        } else if (sep.extremeFitted() > 0) {
            diagnostics.add(sep.extremeFitted() + " fitted probabilities are numerically 0 or 1 (no separation found:"
                    + " the fit converged and no coefficient diverges)");
        }
        return new PropensityFit(link, x.names(), coefFull, seFull, fitted, ll, ll0, it, converged, diagnostics, sep);
    }

    /**
     * The fitted values {@code mean = mean(eta)} (unclamped), the working weights
     * {@code w = (d mu/d eta)^2 / var(mu)} and working response {@code z = eta + (y - mu) / (d mu/d eta)};
     * units with a zero derivative or variance are left out (weight 0), as glm.fit does.
     */
    private static void working(Link link, double[] y, double[] eta, double[] mean, double[] mu, double[] w, double[] z) {
        RowBlocks.forEach(y.length, (lo, hi) -> {
            for (int i = lo; i < hi; i++) {
                mean[i] = link.mean(eta[i]);
                working(link, y, eta, mean, mu, w, z, i);
            }
        });
    }

    /** The working weight and response of row {@code i}, given its unclamped mean. */
    private static void working(Link link, double[] y, double[] eta, double[] mean, double[] mu, double[] w, double[] z, int i) {
        double d = link.derivative(eta[i], mean[i]);
        double var = mu[i] * (1 - mu[i]);
        if (!(d > 0) || !(var > 0)) {
            w[i] = 0;
            z[i] = 0;
            return;
        }
        w[i] = d * d / var;
        z[i] = eta[i] + (y[i] - mu[i]) / d;
    }

    private static double initialEta(Link link, double mu) {
        return link == Link.LOGIT ? Math.log(mu / (1 - mu))
                : new org.hipparchus.distribution.continuous.NormalDistribution(0, 1).inverseCumulativeProbability(mu);
    }

    private static double clamp(double m) {
        return Math.min(Math.max(m, 1e-300), 1 - 1e-16);
    }

    private static double deviance(double[] y, double[] mu) {
        return -2 * logLik(y, mu);
    }

    /** The log-likelihood, summed as the iterations sum it ({@link RowBlocks}). */
    private static double logLik(double[] y, double[] mu) {
        return RowBlocks.sum(y.length, (lo, hi) -> {
            double ll = 0;
            for (int i = lo; i < hi; i++) {
                ll += logLik(y[i], mu[i]);
            }
            return ll;
        });
    }

    private static double logLik(double y, double mu) {
        return y > 0.5 ? Math.log(mu) : StandardNormal.log1p(-mu);
    }
}
