package org.padlock.estimation.did;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.padlock.data.ModelMatrix;
import org.padlock.estimation.ols.WeightedLeastSquares;
import org.padlock.estimation.ols.WlsFit;
import org.padlock.inference.CoefficientTest;
import org.padlock.inference.Covariance;
import org.padlock.inference.CovarianceSpec;
import org.padlock.inference.Cr2Covariance;
import org.padlock.inference.WildBootstrapResult;
import org.padlock.inference.WildClusterBootstrap;

/**
 * Difference-in-differences on a long panel with unit and period fixed effects (two-way fixed
 * effects), common adoption at {@link PanelInput#firstTreated()}.
 *
 * <p>Relative period {@code k} of a row is the position of its period minus the position of the
 * first treated period among the sorted distinct periods (so gaps in period codes do not matter).
 * The event study regresses y on period dummies, {@code treated x 1[k = r]} for every relative
 * period r except the reference -1, and the covariates; the static estimate replaces the event
 * dummies by {@code treated x 1[k >= 0]} (Roth, Sant'Anna, Bilinski and Poe 2023, J. Econometrics
 * 235(2), s. 3.3; Freyaldenhoven et al. 2021). Unit fixed effects are absorbed by the weighted
 * within transformation (Frisch-Waugh-Lovell: coefficients and residuals equal those with unit
 * dummies). The CR1 covariance counts the absorbed unit effects in K, as R's {@code lm} with
 * {@code factor(unit)} followed by {@code sandwich::vcovCL(type = "HC1")} and Stata's
 * {@code regress ... i.unit, vce(cluster)} do: {@code G/(G-1) (N-1)/(N-K)}, t(G-1). (Stata's
 * {@code xtreg, fe vce(cluster)} omits them from K and gives slightly smaller SEs.) The pre-trend
 * test is {@link PreTrendTest} on the coefficients with {@code r <= -2}.
 */
public final class EventStudy {
    private EventStudy() {
    }

    /** Fits the event study and the static two-way fixed-effects estimate with CR1 inference. */
    public static DidResult fit(PanelInput in, int nDroppedMissing) {
        return fit(in, nDroppedMissing, DidInference.CR1);
    }

    /**
     * Fits the event study and the static two-way fixed-effects estimate with the given inference. For
     * CR2 and the wild bootstrap the units must be nested in the clusters: then the within (absorbed)
     * fit gives the same CR2 and Satterthwaite df as the model with unit dummies (Pustejovsky and
     * Tipton 2018, JBES 36(4), Theorem 2; checked against clubSandwich with {@code factor(unit)} in the
     * tests), and the same bootstrap draws, since a cluster's multiplier is constant within each unit.
     */
    public static DidResult fit(PanelInput in, int nDroppedMissing, DidInference inference) {
        int n = in.y().length;
        double[] w = in.weight();
        if (w == null) {
            w = new double[n];
            java.util.Arrays.fill(w, 1.0);
        }
        TreeSet<Double> ps = new TreeSet<>();
        Map<String, Integer> unitIndex = new HashMap<>();
        Map<String, Double> unitTreated = new HashMap<>();
        int[] u = new int[n];
        for (int i = 0; i < n; i++) {
            if (!(w[i] > 0) || Double.isInfinite(w[i])) {
                throw new IllegalArgumentException("weights must be positive and finite; found " + w[i] + " at row " + (i + 1));
            }
            ps.add(in.period()[i]);
            u[i] = unitIndex.computeIfAbsent(in.unit()[i], k -> unitIndex.size());
            Double t0 = unitTreated.putIfAbsent(in.unit()[i], in.treated()[i]);
            if (t0 != null && t0 != in.treated()[i]) {
                throw new IllegalArgumentException("treatment must be constant within unit " + in.unit()[i] + " (row " + (i + 1) + ")");
            }
            if (in.treated()[i] != 0 && in.treated()[i] != 1) {
                throw new IllegalArgumentException("treatment must be 0 or 1; found " + in.treated()[i] + " at row " + (i + 1));
            }
        }
        List<Double> periods = new ArrayList<>(ps);
        int f = periods.indexOf(in.firstTreated());
        if (f < 0) {
            throw new IllegalArgumentException("the first treated period " + fmt(in.firstTreated()) + " is not one of the periods " + periods);
        }
        Map<Double, Integer> position = new HashMap<>();
        for (int p = 0; p < periods.size(); p++) {
            position.put(periods.get(p), p);
        }
        int[] k = new int[n];
        int[] pi = new int[n];
        TreeSet<Integer> rel = new TreeSet<>();
        for (int i = 0; i < n; i++) {
            pi[i] = position.get(in.period()[i]);
            k[i] = pi[i] - f;
            if (in.treated()[i] == 1) {
                rel.add(k[i]);
            }
        }
        if (!rel.contains(-1)) {
            throw new IllegalArgumentException("no treated unit is observed in the period before the first treated period"
                    + " (the reference period -1)");
        }
        rel.remove(-1);
        if (!inference.se().equals("cr1")) {
            requireNested(in);
        }
        List<String> diag = new ArrayList<>();
        // event-study design
        List<String> names = new ArrayList<>();
        List<double[]> cols = new ArrayList<>();
        addPeriodDummies(periods, pi, names, cols);
        List<Integer> relList = new ArrayList<>(rel);
        for (int r : relList) {
            double[] d = new double[n];
            for (int i = 0; i < n; i++) {
                d[i] = in.treated()[i] == 1 && k[i] == r ? 1 : 0;
            }
            names.add(relName(r));
            cols.add(d);
        }
        addCovariates(in, names, cols);
        Fitted es = fitWithin(names, cols, in.y(), w, u, unitIndex.size(), in.cluster(), inference);
        List<EventCoefficient> events = new ArrayList<>();
        List<Integer> pre = new ArrayList<>();
        List<Integer> preIdx = new ArrayList<>();
        for (int r : relList) {
            String nm = relName(r);
            if (!es.fit.names().contains(nm)) {
                continue;
            }
            events.add(new EventCoefficient(r, es.test(nm)));
            if (r <= -2) {
                pre.add(r);
                preIdx.add(es.fit.index(nm));
            }
        }
        PreTrendTest preTrend = null;
        if (!pre.isEmpty()) {
            double[] b = new double[pre.size()];
            double[][] v = new double[pre.size()][pre.size()];
            for (int a = 0; a < b.length; a++) {
                b[a] = es.fit.coefficients()[preIdx.get(a)];
                for (int c = 0; c < b.length; c++) {
                    v[a][c] = es.jointV()[preIdx.get(a)][preIdx.get(c)];
                }
            }
            preTrend = PreTrendTest.of(pre, b, v, es.clusters - 1);
        }
        // static design
        List<String> sn = new ArrayList<>();
        List<double[]> sc = new ArrayList<>();
        addPeriodDummies(periods, pi, sn, sc);
        double[] tp = new double[n];
        for (int i = 0; i < n; i++) {
            tp[i] = in.treated()[i] == 1 && k[i] >= 0 ? 1 : 0;
        }
        sn.add(TREATED_POST);
        sc.add(tp);
        addCovariates(in, sn, sc);
        Fitted st = fitWithin(sn, sc, in.y(), w, u, unitIndex.size(), in.cluster(), inference);
        List<String> dropped = new ArrayList<>(st.fit.dropped());
        if (!st.fit.names().contains(TREATED_POST)) {
            throw new org.padlock.EstimationException("treated x post is collinear with the fixed effects and covariates"
                    + " (are there never-treated units and post-periods?)", st.fit.dropped());
        }
        if (!dropped.isEmpty()) {
            diag.add("dropped as collinear: " + String.join(", ", dropped));
        }
        if (st.clusters < 2) {
            diag.add("only one cluster: a cluster-robust standard error cannot be estimated");
        }
        if (pre.isEmpty()) {
            diag.add("only one pre-period: no pre-trend test");
        } else if (inference.se().equals("cr2")) {
            diag.add("pre-trend test: CR2 covariance with the naive F(q, G - 1) (clubSandwich Wald_test \"Naive-F\"),"
                    + " not the HTZ small-sample test");
        } else if (inference.se().equals("wild")) {
            diag.add("pre-trend test: CR1 Wald F (no joint wild bootstrap test); event-study and headline p-values"
                    + " are wild bootstrap");
        }
        if (st.cr2 != null) {
            for (String d : st.cr2.diagnostics()) {
                if (!diag.contains(d)) {
                    diag.add(d);
                }
            }
        }
        return new DidResult(st.test(TREATED_POST), n, st.clusters, nDroppedMissing, events, preTrend,
                trends(in, w, periods), dropped, diag);
    }

    /** Name of the static treated x post term. */
    public static final String TREATED_POST = "treated_post";

    private static String relName(int r) {
        return r < 0 ? "rel_m" + (-r) : "rel_" + r;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private static void addPeriodDummies(List<Double> periods, int[] pi, List<String> names, List<double[]> cols) {
        for (int p = 1; p < periods.size(); p++) {
            double[] d = new double[pi.length];
            for (int i = 0; i < pi.length; i++) {
                d[i] = pi[i] == p ? 1 : 0;
            }
            names.add("period_" + fmt(periods.get(p)));
            cols.add(d);
        }
    }

    private static void addCovariates(PanelInput in, List<String> names, List<double[]> cols) {
        for (int j = 0; j < in.covariates().length; j++) {
            names.add(in.covariateNames().get(j));
            cols.add(in.covariates()[j]);
        }
    }

    /**
     * A within fit with its CR1 covariance (unit effects counted in K) and, by the inference asked for,
     * the CR2 covariance or the clusters for the wild bootstrap.
     */
    private record Fitted(WlsFit fit, double[][] v, double df, int clusters, Cr2Covariance cr2, String[] clusterIds,
                          DidInference inference) {
        CoefficientTest test(String term) {
            int j = fit.index(term);
            CoefficientTest cr1 = Covariance.tTest(term, fit.coefficient(term), Math.sqrt(v[j][j]), df, 0.95);
            switch (inference.se()) {
                case "cr2":
                    return cr2.test(fit, term);
                case "wild":
                    WildBootstrapResult r = WildClusterBootstrap.test(fit, clusterIds, term, inference.bootstrapReps(),
                            inference.seed(), inference.weights());
                    // p and interval are invariant to the CR1 scale factor; report the CR1 SE that counts the unit effects
                    return new CoefficientTest(term, cr1.estimate(), cr1.stdError(), Double.NaN, cr1.t(), r.pValue(),
                            r.ciLow(), r.ciHigh());
                default:
                    return cr1;
            }
        }

        /** Covariance of the joint pre-trend test: CR2 when asked for, else CR1. */
        double[][] jointV() {
            return cr2 != null ? cr2.matrix() : v;
        }
    }

    private static void requireNested(PanelInput in) {
        Map<String, String> clusterOf = new HashMap<>();
        for (int i = 0; i < in.unit().length; i++) {
            String c0 = clusterOf.putIfAbsent(in.unit()[i], in.cluster()[i]);
            if (c0 != null && !c0.equals(in.cluster()[i])) {
                throw new IllegalArgumentException("unit " + in.unit()[i] + " is in clusters " + c0 + " and " + in.cluster()[i]
                        + ": CR2 and the wild bootstrap need units nested in clusters");
            }
        }
    }

    /** Demeans every column and y by unit (weighted), fits, and scales CR0 to CR1 counting the unit effects in K. */
    private static Fitted fitWithin(List<String> names, List<double[]> cols, double[] y, double[] w, int[] u, int units,
                                    String[] cluster, DidInference inference) {
        int n = y.length;
        double[] sw = new double[units];
        for (int i = 0; i < n; i++) {
            sw[u[i]] += w[i];
        }
        double[][] x = new double[cols.size()][];
        for (int j = 0; j < x.length; j++) {
            x[j] = demean(cols.get(j), w, u, sw);
        }
        double[] yd = demean(y, w, u, sw);
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
        }
        WlsFit fit = WeightedLeastSquares.fit(new ModelMatrix(names, x, rows), yd, w);
        Covariance cr0 = Covariance.of(fit, new CovarianceSpec.Clustered(cluster, false));
        int g = cr0.clusters();
        long kk = (long) fit.rank() + units;
        double c = g > 1 && n > kk ? ((double) g / (g - 1)) * ((double) (n - 1) / (n - kk)) : Double.NaN;
        double[][] v = cr0.matrix();
        for (double[] row : v) {
            for (int b = 0; b < row.length; b++) {
                row[b] *= c;
            }
        }
        Cr2Covariance cr2 = inference.se().equals("cr2") ? Cr2Covariance.of(fit, cluster, false) : null;
        return new Fitted(fit, v, g - 1, g, cr2, cluster, inference);
    }

    private static double[] demean(double[] v, double[] w, int[] u, double[] sw) {
        double[] m = new double[sw.length];
        for (int i = 0; i < v.length; i++) {
            m[u[i]] += w[i] * v[i];
        }
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] - m[u[i]] / sw[u[i]];
        }
        return out;
    }

    /** Weighted mean outcome by period and arm: controls first, then treated, periods ascending. */
    static List<TrendPoint> trends(PanelInput in, double[] w, List<Double> periods) {
        TreeMap<Double, double[]>[] acc = newMaps();
        for (int i = 0; i < in.y().length; i++) {
            double[] s = acc[(int) in.treated()[i]].computeIfAbsent(in.period()[i], p -> new double[3]);
            s[0] += w[i] * in.y()[i];
            s[1] += w[i];
            s[2] += 1;
        }
        List<TrendPoint> out = new ArrayList<>();
        for (int arm = 0; arm < 2; arm++) {
            for (double p : periods) {
                double[] s = acc[arm].get(p);
                if (s != null) {
                    out.add(new TrendPoint(p, arm, s[0] / s[1], (int) s[2]));
                }
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static TreeMap<Double, double[]>[] newMaps() {
        return new TreeMap[] {new TreeMap<Double, double[]>(), new TreeMap<Double, double[]>()};
    }
}
