package org.padlock.estimation.did;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.padlock.EstimationException;
import org.padlock.data.DataException;
import org.padlock.data.Frame;
import org.padlock.data.MissingPolicy;
import org.padlock.data.ModelMatrix;
import org.padlock.data.ModelMatrixBuilder;
import org.padlock.data.NumericColumn;
import org.padlock.estimation.ols.WeightedLeastSquares;
import org.padlock.estimation.ols.WlsFit;
import org.padlock.inference.Covariance;
import org.padlock.inference.CoefficientTest;
import org.padlock.inference.CovarianceSpec;
import org.padlock.inference.Cr2Covariance;
import org.padlock.inference.WildBootstrapResult;
import org.padlock.inference.WildClusterBootstrap;

/**
 * Two-period difference-in-differences from one row per unit: {@code post - pre} regressed on
 * treatment (and baseline covariates) by weighted least squares, CR1 covariance (Stata
 * {@code vce(cluster)}, t(G-1)). Without covariates and with the same units in both periods this
 * equals the two-way fixed-effects estimate (Wooldridge 2010, Econometric Analysis of Cross Section
 * and Panel Data, 2nd ed., s. 10.5; checked against R in the tests).
 */
public final class TwoPeriodDid {
    private TwoPeriodDid() {
    }

    /** {@code post - pre} per row; missing where either is missing. */
    public static double[] change(double[] pre, double[] post) {
        double[] y = new double[pre.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = post[i] - pre[i];
        }
        return y;
    }

    /**
     * @param f          one row per unit
     * @param id         unit id column (the cluster when {@code cluster} is null)
     * @param weights    weight column or null
     * @param cluster    cluster column or null (then each unit is its own cluster)
     */
    public static DidResult fit(Frame f, String id, String pre, String post, String treatment, List<String> covariates,
                                Set<String> factors, MissingPolicy missing, String weights, String cluster) {
        return fit(f, id, pre, post, treatment, covariates, factors, missing, weights, cluster, DidInference.CR1);
    }

    /**
     * As {@link #fit(Frame, String, String, String, String, List, Set, MissingPolicy, String, String)} with the
     * given inference for the treatment coefficient (see {@link DidInference}).
     */
    public static DidResult fit(Frame f, String id, String pre, String post, String treatment, List<String> covariates,
                                Set<String> factors, MissingPolicy missing, String weights, String cluster,
                                DidInference inference) {
        double[] y = change(f.numeric(pre).values(), f.numeric(post).values());
        int[] rows = java.util.stream.IntStream.range(0, f.rowCount()).filter(i -> !Double.isNaN(y[i])).toArray();
        int droppedMissing = f.rowCount() - rows.length;
        List<String> covs = new ArrayList<>(List.of(treatment));
        covs.addAll(covariates);
        ModelMatrix x = ModelMatrixBuilder.build(f, rows, covs, factors, missing, true, true);
        int[] xr = x.rows();
        double[] yv = new double[xr.length];
        double[] w = new double[xr.length];
        String[] cl = new String[xr.length];
        NumericColumn wc = weights == null ? null : f.numeric(weights);
        String[] cc = f.text(cluster == null ? id : cluster).values();
        for (int k = 0; k < xr.length; k++) {
            yv[k] = y[xr[k]];
            w[k] = wc == null ? 1.0 : wc.get(xr[k]);
            if (!(w[k] >= 0) || Double.isInfinite(w[k])) {
                throw new DataException(f.source(), xr[k], weights, "weights must be finite and >= 0; found "
                        + (Double.isNaN(w[k]) ? "a missing value" : w[k]));
            }
            cl[k] = cc[xr[k]];
            if (cl[k] == null) {
                throw new DataException(f.source(), xr[k], cluster == null ? id : cluster, "cluster id must not be missing");
            }
        }
        WlsFit fit = WeightedLeastSquares.fit(x, yv, w);
        if (!fit.names().contains(treatment)) {
            throw new EstimationException("the treatment is collinear with the covariates", fit.dropped());
        }
        Covariance v = Covariance.of(fit, new CovarianceSpec.Clustered(cl, true));
        List<String> diag = new ArrayList<>();
        if (!fit.dropped().isEmpty()) {
            diag.add("dropped as collinear: " + String.join(", ", fit.dropped()));
        }
        if (v.clusters() < 2) {
            diag.add("only one cluster: a cluster-robust standard error cannot be estimated");
        }
        NumericColumn pr = f.numeric(pre);
        NumericColumn po = f.numeric(post);
        NumericColumn t = f.numeric(treatment);
        double[][] s = new double[2][5];
        int[] used = fit.usedRows();
        for (int k : used) {
            double arm0 = t.get(xr[k]);
            if (arm0 != 0 && arm0 != 1) {
                continue;
            }
            int arm = (int) arm0;
            s[arm][0] += w[k] * pr.get(xr[k]);
            s[arm][1] += w[k] * po.get(xr[k]);
            s[arm][2] += w[k];
            s[arm][3] += 1;
        }
        List<TrendPoint> trends = new ArrayList<>();
        for (int arm = 0; arm < 2; arm++) {
            if (s[arm][3] > 0) {
                trends.add(new TrendPoint(0, arm, s[arm][0] / s[arm][2], (int) s[arm][3]));
                trends.add(new TrendPoint(1, arm, s[arm][1] / s[arm][2], (int) s[arm][3]));
            }
        }
        CoefficientTest effect = switch (inference.se()) {
            case "cr2" -> {
                Cr2Covariance c2 = Cr2Covariance.of(fit, cl, false);
                diag.addAll(c2.diagnostics());
                yield c2.test(fit, treatment);
            }
            case "wild" -> {
                WildBootstrapResult r = WildClusterBootstrap.test(fit, cl, treatment, inference.bootstrapReps(), inference.seed(),
                        inference.weights());
                diag.addAll(r.diagnostics());
                yield r.toCoefficientTest();
            }
            default -> v.test(fit, treatment);
        };
        return new DidResult(effect, fit.n(), v.clusters(), droppedMissing, List.of(), null, trends,
                fit.dropped(), diag);
    }
}
