package org.padlock.design;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.padlock.EstimationException;
import org.padlock.StepTimer;
import org.padlock.balance.BalanceTable;
import org.padlock.data.Frame;
import org.padlock.data.MissingPolicy;
import org.padlock.data.ModelMatrix;
import org.padlock.data.ModelMatrixBuilder;
import org.padlock.data.ModelTerms;
import org.padlock.data.NumericColumn;
import org.padlock.data.TextColumn;

/**
 * Runs the design stage on an outcome-blind view: complete cases on the design columns,
 * propensity model, distance, nearest-neighbour matching, balance.
 */
public final class DesignStage {
    private DesignStage() {
    }

    /**
     * @param view    the outcome-blind data
     * @param spec    the matching specification
     * @param cluster column carrying each treated unit's cluster to its controls, or {@code null}
     */
    public static DesignResult run(OutcomeBlindView view, MatchSpec spec, String cluster) {
        return run(view, spec, cluster, StepTimer.silent());
    }

    /**
     * As {@link #run(OutcomeBlindView, MatchSpec, String)}, reporting each step's time to
     * {@code timings}; the times never enter the result, which stays byte-identical across runs.
     */
    public static DesignResult run(OutcomeBlindView view, MatchSpec spec, String cluster, StepTimer timings) {
        List<String> needed = new ArrayList<>(ModelTerms.columns(spec.covariates()));
        needed.addAll(spec.exact());
        needed.addAll(spec.mahvarColumns());
        needed = new ArrayList<>(new java.util.LinkedHashSet<>(needed));
        for (String c : needed) {
            view.require(c);
        }
        Frame f = view.frame();
        int[] treat0 = toBinary(view.treatment());
        int[] complete = MatchInputChecks.completeRows(f, needed, treat0);
        int exT = 0;
        int exC = 0;
        List<String> excludedIds = new ArrayList<>();
        boolean[] kept = new boolean[f.rowCount()];
        for (int i : complete) {
            kept[i] = true;
        }
        TextColumn allIds = view.ids();
        for (int i = 0; i < f.rowCount(); i++) {
            if (!kept[i]) {
                if (treat0[i] == 1) {
                    exT++;
                } else {
                    exC++;
                }
                excludedIds.add(allIds.get(i));
            }
        }
        Frame g = complete.length == f.rowCount() ? f : f.select(complete);
        int[] treat = toBinary(new NumericColumn("t", g.numeric(view.treatmentColumn()).values()));
        int nT = 0;
        for (int t : treat) {
            nT += t;
        }
        List<String> diag = new ArrayList<>();
        if (nT == 0 && exT == 0) {
            throw new EstimationException("no treated unit: the treatment column '" + view.treatmentColumn()
                    + "' is never 1, so there is nothing to match; check the treatment coding", diag);
        }
        if (nT == treat.length && exC == 0) {
            throw new EstimationException("no control unit: the treatment column '" + view.treatmentColumn()
                    + "' is 1 for every unit, so there is nothing to match against; add a comparison pool", diag);
        }
        if (nT == 0) {
            throw new EstimationException("no treated unit has complete matching data (" + exT
                    + " treated units excluded for missing covariates); nothing to match", diag);
        }
        if (nT == treat.length) {
            throw new EstimationException("no control unit has complete matching data (" + exC
                    + " controls excluded for missing covariates); nothing to match against", diag);
        }
        for (String c : needed) {
            if (spec.exact().contains(c)) {
                continue;
            }
            var col = g.column(c);
            if (isConstant(col)) {
                throw new EstimationException("matching covariate '" + c + "' is constant (" + col.text(0)
                        + ") over the units with complete data; remove it from the specification", diag);
            }
        }
        ModelMatrix x = onComplete(g, spec.covariates(), spec.factors(), true, true);
        double[] y = new double[treat.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = treat[i];
        }
        timings.lap("complete cases and model matrix");
        PropensityFit ps = BinaryRegression.fit(x, y, spec.link());
        timings.lap("propensity fit (" + ps.iterations() + " iterations)");
        if (ps.separation().detected() && spec.distance() != MatchSpec.Distance.MAHALANOBIS) {
            List<String> d = new ArrayList<>(ps.diagnostics());
            d.add(MatchFailure.scoreDistribution(ps.fitted(), treat));
            throw new EstimationException(ps.separation().message(), d);
        }
        double[] p = ps.fitted();
        double[] dist = new double[p.length];
        NormalDistribution n01 = new NormalDistribution(0, 1);
        for (int i = 0; i < p.length; i++) {
            dist[i] = spec.distance() != MatchSpec.Distance.LOGIT_PS ? p[i]
                    : spec.link() == Link.LOGIT ? Math.log(p[i] / (1 - p[i])) : n01.inverseCumulativeProbability(p[i]);
        }
        String[] strata = new String[p.length];
        List<TextColumn> exactCols = new ArrayList<>();
        for (String c : spec.exact()) {
            exactCols.add(g.text(c));
        }
        if (exactCols.isEmpty()) {
            java.util.Arrays.fill(strata, "");
        } else {
            for (int i = 0; i < strata.length; i++) {
                StringBuilder sb = new StringBuilder();
                for (int e = 0; e < exactCols.size(); e++) {
                    sb.append(e == 0 ? "" : ", ").append(spec.exact().get(e)).append('=').append(exactCols.get(e).get(i));
                }
                strata[i] = sb.toString();
            }
        }
        String[] clusters = null;
        if (cluster != null) {
            view.require(cluster);
            clusters = g.text(cluster).values();
        }
        double[][] mahal = null;
        if (spec.usesMahalanobis()) {
            mahal = onComplete(g, spec.mahalanobisTerms(), spec.factors(), false, true).x();
        }
        MatchedSample m = NearestNeighbourMatcher.match(List.of(g.text(view.idColumn()).values()), treat, p, dist, strata,
                clusters, spec, mahal);
        timings.lap("matching");
        List<String> allDiag = new ArrayList<>(ps.diagnostics());
        allDiag.addAll(m.diagnostics());
        if (m.nTreatedMatched() == 0) {
            allDiag.add(MatchFailure.scoreRanges(m));
            throw new EstimationException(MatchFailure.explain(m, spec), allDiag);
        }
        ModelMatrix bx = sharing(onComplete(g, spec.covariates(), spec.factors(), false, false), x);
        BalanceTable bal = BalanceTable.compute(bx.names(), bx.x(), treat, m.weight());
        timings.lap("balance table");
        bal = bal.withSummary(BalanceSummaries.compute(x, treat, m.weight(), bal, probitStart(ps)));
        timings.lap("balance summaries (re-fitted treatment models)");
        MatchedSample withDiag = new MatchedSample(m.ids(), m.treated(), m.pscore(), m.distance(), m.weight(),
                m.discarded(), m.subclass(), m.cluster(), m.nTreated(), m.nControl(), m.nTreatedMatched(),
                m.nControlMatched(), m.nDiscarded(), m.caliperWidth(), m.multiClusterControls(), allDiag);
        return new DesignResult(spec, ps, withDiag, bal, exT, exC, excludedIds);
    }

    /**
     * Starting values for pstest's probit re-fit on all units: none when the fit did not converge or
     * separated; a probit fit's own coefficients; for a logit fit with an intercept, {@code a e_1 + b beta},
     * where {@code a + b eta} is the least-squares line through the points
     * {@code (eta_i, Phi^-1(p_i))} of the fitted logit index and its probit equivalent, over every
     * {@code k}-th unit ({@code k = ceil(n / 16384)}): the probit index that gives each unit about the
     * same probability, linear in the logit one. It is far closer than the usual logit / 1.6
     * (Amemiya 1981) when treatment is rare, where the two links differ most, and saves Newton
     * iterations over all units; without an intercept, logit / 1.6.
     */
    private static double[] probitStart(PropensityFit ps) {
        if (!ps.converged() || ps.separation().detected()) {
            return null;
        }
        double[] b = ps.coefficients();
        if (ps.link() != Link.LOGIT) {
            return b;
        }
        if (!ps.names().get(0).equals(ModelMatrixBuilder.INTERCEPT) || Double.isNaN(b[0])) {
            for (int a = 0; a < b.length; a++) {
                b[a] /= 1.6;
            }
            return b;
        }
        double[] p = ps.fitted();
        int step = Math.max(1, (p.length + 16383) / 16384);
        NormalDistribution n01 = new NormalDistribution(0, 1);
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        int m = 0;
        for (int i = 0; i < p.length; i += step) {
            if (p[i] > 0 && p[i] < 1) {
                double x = Math.log(p[i] / (1 - p[i]));
                double y = n01.inverseCumulativeProbability(p[i]);
                sx += x;
                sy += y;
                sxx += x * x;
                sxy += x * y;
                m++;
            }
        }
        double vxx = sxx - sx * sx / m;
        double slope = m > 1 && vxx > 0 ? (sxy - sx * sy / m) / vxx : 1 / 1.6;
        double level = m > 1 && vxx > 0 ? (sy - slope * sx) / m : 0;
        for (int a = 0; a < b.length; a++) {
            b[a] *= slope;
        }
        b[0] += level;
        return b;
    }

    /**
     * The model matrix of {@code terms} over every row of {@code g}, which holds only the rows complete on
     * every design column: no row is dropped and no missing-value indicator added, so the complete-case
     * pass of {@link MissingPolicy#DROP} is skipped (the indicator policy adds nothing where nothing is missing).
     */
    private static ModelMatrix onComplete(Frame g, List<String> terms, List<String> factors, boolean intercept,
                                          boolean dropReference) {
        return ModelMatrixBuilder.build(g, ModelMatrixBuilder.allRows(g), terms, new HashSet<>(factors),
                MissingPolicy.INDICATOR, intercept, dropReference);
    }

    /**
     * {@code m} with each column that {@code x} holds with the same name and the same values (every
     * numeric covariate and every factor level but the reference one) taken from {@code x}, so that
     * one copy of it stays in memory.
     */
    private static ModelMatrix sharing(ModelMatrix m, ModelMatrix x) {
        double[][] cols = m.x().clone();
        for (int j = 0; j < cols.length; j++) {
            int k = x.names().indexOf(m.names().get(j));
            if (k >= 0 && java.util.Arrays.equals(x.x()[k], cols[j])) {
                cols[j] = x.x()[k];
            }
        }
        return new ModelMatrix(m.names(), cols, m.rows());
    }

    /** Whether every row of {@code col} holds the same value (numeric columns compared as numbers, without formatting). */
    private static boolean isConstant(org.padlock.data.Column col) {
        if (col instanceof NumericColumn nc) {
            double first = nc.get(0);
            for (int i = 1; i < nc.size(); i++) {
                if (nc.get(i) != first) {
                    return false;
                }
            }
            return true;
        }
        String first = col.text(0);
        for (int i = 1; i < col.size(); i++) {
            if (!java.util.Objects.equals(first, col.text(i))) {
                return false;
            }
        }
        return true;
    }

    private static int[] toBinary(NumericColumn c) {
        int[] t = new int[c.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = c.get(i) == 1.0 ? 1 : 0;
        }
        return t;
    }
}
