package org.padlock.study;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.padlock.data.Frame;
import org.padlock.data.ModelMatrix;
import org.padlock.data.ModelMatrixBuilder;
import org.padlock.data.NumericColumn;
import org.padlock.data.TextColumn;
import org.padlock.design.FrozenDesign;
import org.padlock.eef.MonthsProgress;
import org.padlock.estimation.mixed.EffectSizeInterval;
import org.padlock.estimation.mixed.HedgesG;
import org.padlock.estimation.mixed.MixedFit;
import org.padlock.estimation.mixed.RandomInterceptModel;
import org.padlock.estimation.ols.WeightedLeastSquares;
import org.padlock.estimation.ols.WlsFit;
import org.padlock.inference.CoefficientTest;
import org.padlock.inference.Covariance;
import org.padlock.inference.CovarianceSpec;
import org.padlock.inference.BootstrapWeights;
import org.padlock.inference.ClusterStatistics;
import org.padlock.inference.Cr2Covariance;
import org.padlock.inference.RandomisationInference;
import org.padlock.inference.RandomisationResult;
import org.padlock.inference.WildBootstrapResult;
import org.padlock.inference.WildClusterBootstrap;

/**
 * The analysis stage: reads outcomes for the units of a frozen design and estimates the impact,
 * as seed 000 (pupil-level weighted least squares with school covariates, matching weights on
 * controls, missing covariates by the indicator method, clustered standard errors) or seed 003
 * (school-level two-period difference-in-differences: post - pre regressed on treatment, clustered
 * by partnership; equal to the two-way fixed-effects estimate).
 */
public final class AnalysisStage {
    static final String TREATMENT = "treatment";
    static final String WEIGHT = "matching_weight";
    static final String CLUSTER = "cluster";

    private AnalysisStage() {
    }

    /** All impact rows of the plan: primary, secondary, year-1, subgroups, on-treatment. */
    public static List<AnalysisRow> run(ResolvedPlan rp, StudyInputs in, FrozenDesign design, Consumer<String> progress) {
        Frame data = rp.pupilLevel() ? pupilFrame(rp, in, design) : schoolFrame(rp, in, design);
        List<AnalysisRow> rows = new ArrayList<>();
        int[] all = ModelMatrixBuilder.allRows(data);
        StudyPlan.Outcome primary = null;
        for (StudyPlan.Outcome o : rp.plan().outcomes()) {
            progress.accept("analysis: " + o.name());
            rows.add(estimate(rp, data, o, all, ResolvedPlan.role(o), o.label() == null ? o.name() : o.label(), List.of()));
            if ("primary".equals(o.role())) {
                primary = o;
            }
        }
        if (rp.pupilLevel()) {
            for (StudyPlan.Subgroup s : rp.plan().subgroups()) {
                progress.accept("analysis: subgroup " + s.name());
                TextColumn col = data.text(s.column());
                int[] sub = filter(all, i -> s.value().equals(col.get(i)));
                rows.add(estimate(rp, data, primary, sub, "subgroup", s.name(), List.of()));
            }
            for (StudyPlan.Subgroup s : rp.plan().subgroups()) {
                if (Boolean.TRUE.equals(s.interaction())) {
                    progress.accept("analysis: interaction " + s.name());
                    rows.add(SubgroupInteraction.row(rp, data, primary, all, s));
                }
            }
            if (rp.plan().analysis() != null && Boolean.TRUE.equals(rp.plan().analysis().randomEffects()) && primary != null) {
                progress.accept("analysis: random effects");
                String lab = primary.label() == null ? primary.name() : primary.label();
                rows.add(estimate(rp, data, primary, all, "random-effects", lab + " (random effects)", List.of(), true,
                        List.of(), TREATMENT));
            }
        }
        if (rp.plan().analysis() != null && Boolean.TRUE.equals(rp.plan().analysis().commonSample()) && primary != null) {
            progress.accept("analysis: common sample");
            rows.add(commonSample(rp, data, primary, all));
        }
        Set<String> treatedIds = new HashSet<>();
        for (StudyPlan.OnTreatment ot : rp.plan().onTreatment()) {
            progress.accept("analysis: on-treatment " + ot.name());
            NumericColumn c = in.schools().numeric(ot.column());
            TextColumn ids = in.schools().text(rp.plan().data().schools().id());
            treatedIds.clear();
            for (int i = 0; i < c.size(); i++) {
                if (c.get(i) >= ot.min()) {
                    treatedIds.add(ids.get(i));
                }
            }
            TextColumn school = data.text(SCHOOL);
            NumericColumn t = data.numeric(TREATMENT);
            // comparators "matched": only the controls matched to a selected treated school (their subclass)
            boolean matchedOnly = "matched".equals(ot.comparators());
            Map<String, FrozenDesign.Unit> units = design.byId();
            int[] sub = filter(all, i -> t.get(i) == 0 ? !matchedOnly || treatedIds.contains(units.get(school.get(i)).subclass())
                    : treatedIds.contains(school.get(i)));
            rows.add(estimate(rp, data, primary, sub, "on-treatment", ot.name(), List.of()));
        }
        return rows;
    }

    static final String SCHOOL = "school";

    /** The analysis frame of the matched units (pupils, or schools for school-did) with treatment, weight, cluster, school. */
    static Frame analysisFrame(ResolvedPlan rp, StudyInputs in, FrozenDesign design) {
        return rp.pupilLevel() ? pupilFrame(rp, in, design) : schoolFrame(rp, in, design);
    }

    /**
     * The common-sample sensitivity analysis (seed 000): the primary model re-run on the units (pupils, or
     * schools for school-did) with a non-missing value of every outcome of the plan, or of the outcomes
     * named in {@code analysis.common_sample_outcomes} (for school-did, non-missing pre and post). Outcome
     * subsets are not applied to the selection; an outcome standardised on the sample is standardised on
     * the common sample.
     */
    private static AnalysisRow commonSample(ResolvedPlan rp, Frame data, StudyPlan.Outcome primary, int[] all) {
        List<String> named = rp.plan().analysis().commonSampleOutcomes();
        List<StudyPlan.Outcome> set = rp.plan().outcomes().stream()
                .filter(o -> named == null || named.contains(o.name()) || o == primary).toList();
        List<double[]> ys = new ArrayList<>();
        for (StudyPlan.Outcome o : set) {
            ys.add(outcome(rp, data, o));
        }
        int[] common = filter(all, i -> ys.stream().noneMatch(y -> Double.isNaN(y[i])));
        String lab = primary.label() == null ? primary.name() : primary.label();
        return estimate(rp, data, primary, common, "common-sample", lab + " (common sample)",
                List.of("common sample: " + (rp.pupilLevel() ? "pupils" : "schools") + " with all of "
                        + String.join(", ", set.stream().map(StudyPlan.Outcome::name).toList()) + " observed"));
    }

    private static int[] filter(int[] rows, java.util.function.IntPredicate keep) {
        return java.util.Arrays.stream(rows).filter(keep).toArray();
    }

    /** Pupils of matched schools with their school's treatment, weight, cluster and school covariates. */
    private static Frame pupilFrame(ResolvedPlan rp, StudyInputs in, FrozenDesign design) {
        StudyPlan p = rp.plan();
        Map<String, FrozenDesign.Unit> units = design.byId();
        TextColumn pupilSchool = in.pupils().text(p.data().pupils().school());
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < pupilSchool.size(); i++) {
            FrozenDesign.Unit u = units.get(pupilSchool.get(i));
            if (u != null && u.weight() > 0) {
                keep.add(i);
            }
        }
        int[] rows = keep.stream().mapToInt(Integer::intValue).toArray();
        Frame pupils = in.pupils().select(rows);
        int n = rows.length;
        Map<String, Integer> schoolRow = new HashMap<>();
        TextColumn sid = in.schools().text(p.data().schools().id());
        for (int i = 0; i < sid.size(); i++) {
            schoolRow.put(sid.get(i), i);
        }
        TextColumn ps = pupils.text(p.data().pupils().school());
        double[] t = new double[n];
        double[] w = new double[n];
        String[] cl = new String[n];
        String clusterCol = p.analysis() == null ? null : p.analysis().cluster();
        TextColumn clusterSrc = clusterCol == null ? null : pupils.has(clusterCol) ? pupils.text(clusterCol)
                : in.schools().text(clusterCol);
        for (int i = 0; i < n; i++) {
            FrozenDesign.Unit u = units.get(ps.get(i));
            t[i] = u.treated();
            w[i] = u.weight();
            cl[i] = clusterSrc == null ? ps.get(i)
                    : pupils.has(clusterCol) ? clusterSrc.get(i) : clusterSrc.get(schoolRow.get(ps.get(i)));
        }
        Frame out = pupils.with(new NumericColumn(TREATMENT, t)).with(new NumericColumn(WEIGHT, w))
                .with(new TextColumn(CLUSTER, cl)).with(new TextColumn(SCHOOL, ps.values()));
        int[] map = new int[n];
        for (int i = 0; i < n; i++) {
            map[i] = schoolRow.get(ps.get(i));
        }
        for (String c : rp.schoolCovariates()) {
            out = out.with(in.schools().column(c).select(map));
        }
        return out;
    }

    /** Matched schools with outcomes joined, treatment, weight and the carried cluster. */
    private static Frame schoolFrame(ResolvedPlan rp, StudyInputs in, FrozenDesign design) {
        StudyPlan p = rp.plan();
        String id = p.data().schools().id();
        TextColumn sid = in.schools().text(id);
        Map<String, FrozenDesign.Unit> units = design.byId();
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < sid.size(); i++) {
            FrozenDesign.Unit u = units.get(sid.get(i));
            if (u != null && u.weight() > 0) {
                keep.add(i);
            }
        }
        int[] rows = keep.stream().mapToInt(Integer::intValue).toArray();
        Frame s = in.schools().select(rows);
        int n = rows.length;
        TextColumn ids = s.text(id);
        if (in.outcomes() != null) {
            Map<String, Integer> orow = new HashMap<>();
            TextColumn oid = in.outcomes().text(p.data().outcomes().id());
            for (int i = 0; i < oid.size(); i++) {
                orow.put(oid.get(i), i);
            }
            for (String c : in.outcomes().names()) {
                if (c.equals(p.data().outcomes().id()) || s.has(c)) {
                    continue;
                }
                NumericColumn src = in.outcomes().numeric(c);
                double[] v = new double[n];
                for (int i = 0; i < n; i++) {
                    Integer r = orow.get(ids.get(i));
                    v[i] = r == null ? Double.NaN : src.get(r);
                }
                s = s.with(new NumericColumn(c, v));
            }
        }
        double[] t = new double[n];
        double[] w = new double[n];
        String[] cl = new String[n];
        String clusterCol = p.analysis() == null ? null : p.analysis().cluster();
        TextColumn explicit = clusterCol == null ? null : s.text(clusterCol);
        for (int i = 0; i < n; i++) {
            FrozenDesign.Unit u = units.get(ids.get(i));
            t[i] = u.treated();
            w[i] = u.weight();
            cl[i] = explicit != null ? explicit.get(i) : u.cluster() != null ? u.cluster() : ids.get(i);
        }
        return s.with(new NumericColumn(TREATMENT, t)).with(new NumericColumn(WEIGHT, w))
                .with(new TextColumn(CLUSTER, cl)).with(new TextColumn(SCHOOL, ids.values()));
    }

    private static AnalysisRow estimate(ResolvedPlan rp, Frame data, StudyPlan.Outcome o, int[] candidate, String group,
                                        String label, List<String> notes) {
        return estimate(rp, data, o, candidate, group, label, notes, false, List.of(), TREATMENT);
    }

    /**
     * One impact row. {@code mixed}: a random intercept for the school by REML (lme4's convention;
     * matching weights enter as lme4 precision weights) instead of WLS with the plan's covariance;
     * {@code extra} are covariates added at the end of the model and {@code term} is the coefficient reported.
     */
    static AnalysisRow estimate(ResolvedPlan rp, Frame data, StudyPlan.Outcome o, int[] candidate, String group,
                                String label, List<String> notes, boolean mixed, List<String> extra, String term) {
        List<String> diag = new ArrayList<>(notes);
        int[] rows = candidate;
        if (o.subset() != null) {
            TextColumn sc = data.text(o.subset().column());
            rows = filter(rows, i -> o.subset().value().equals(sc.get(i)));
        }
        double[] y = outcome(rp, data, o);
        String st = o.standardise() == null ? "none" : o.standardise();
        double sd = 1.0;
        String stLabel = "raw";
        if (st.equals("reference")) {
            for (int i = 0; i < y.length; i++) {
                y[i] = (y[i] - o.referenceMean()) / o.referenceSd();
            }
            stLabel = "reference mean " + o.referenceMean() + ", SD " + o.referenceSd();
        } else if (st.equals("sample")) {
            double[] ms = meanSd(y, rows);
            for (int i = 0; i < y.length; i++) {
                y[i] = (y[i] - ms[0]) / ms[1];
            }
            stLabel = "analysis sample";
        } else {
            sd = rp.pupilLevel() ? meanSd(y, rows)[1] : meanSd(data.numeric(o.pre()).values(), rows)[1];
        }
        NumericColumn t = data.numeric(TREATMENT);
        String[] school = data.text(SCHOOL).values();
        int[] tr = filter(rows, i -> t.get(i) == 1);
        int[] co = filter(rows, i -> t.get(i) == 0);
        ArmSummary a1 = ArmSummary.of(y, tr, school);
        ArmSummary a0 = ArmSummary.of(y, co, school);
        final double[] yy = y;
        int[] model = filter(rows, i -> !Double.isNaN(yy[i]));
        List<String> covs = new ArrayList<>(List.of(TREATMENT));
        covs.addAll(rp.schoolCovariates());
        if (rp.pupilLevel()) {
            covs.addAll(1, rp.pupilCovariates());
        }
        covs.addAll(extra);
        String se = rp.se();
        if (a1.n() == 0 || a0.n() == 0) {
            diag.add("no observed outcome in the " + (a1.n() == 0 ? "intervention" : "control") + " arm; no effect estimated");
            return row(group, o, label, a1, a0, null, null, model.length, 0, se, stLabel, sd, diag, List.of());
        }
        ModelMatrix x = ModelMatrixBuilder.build(data, model, covs, new HashSet<>(rp.analysisFactors()), rp.missing(), true, true);
        double[] yv = new double[model.length];
        double[] w = new double[model.length];
        NumericColumn wc = data.numeric(WEIGHT);
        String[] cl = new String[model.length];
        TextColumn clc = data.text(CLUSTER);
        int[] xr = x.rows();
        for (int k = 0; k < xr.length; k++) {
            yv[k] = y[xr[k]];
            w[k] = wc.get(xr[k]);
            cl[k] = clc.get(xr[k]);
        }
        if (mixed) {
            return mixedRow(group, o, label, a1, a0, x, yv, w, school, stLabel, sd, diag, t, term);
        }
        WlsFit fit = WeightedLeastSquares.fit(x, yv, w);
        if (!fit.names().contains(term)) {
            diag.add("the treatment is collinear with the covariates and cannot be estimated");
            return row(group, o, label, a1, a0, null, null, xr.length, 0, se, stLabel, sd, diag, fit.dropped());
        }
        CoefficientTest ct;
        int clusters;
        if (se.equals("cr2")) {
            Cr2Covariance v = Cr2Covariance.of(fit, cl, false);
            ct = v.test(fit, term);
            clusters = v.clusters();
            diag.addAll(v.diagnostics());
        } else if (se.equals("wild")) {
            StudyPlan.Analysis an = rp.plan().analysis();
            int reps = an == null || an.bootstrapReps() == null ? PlanDefaults.BOOTSTRAP_REPS : an.bootstrapReps();
            String bw = an == null || an.bootstrapWeights() == null ? PlanDefaults.BOOTSTRAP_WEIGHTS : an.bootstrapWeights();
            WildBootstrapResult r = WildClusterBootstrap.test(ClusterStatistics.of(fit, cl), term, reps, rp.seed(),
                    bw.equals("webb") ? BootstrapWeights.WEBB : BootstrapWeights.RADEMACHER, 0.95);
            ct = r.toCoefficientTest();
            clusters = r.clusters();
            diag.add("wild cluster bootstrap (restricted, " + r.weights().label() + " weights, " + r.draws()
                    + (r.enumerated() ? " weight vectors enumerated" : " draws, seed " + r.seed()) + ")");
            diag.addAll(r.diagnostics());
        } else {
            Covariance v = Covariance.of(fit, CovarianceSpec.of(se, cl));
            ct = v.test(fit, term);
            clusters = v.clusters();
            if (se.equals("cr1") && v.clusters() < 2) {
                diag.add("only one cluster: a cluster-robust standard error cannot be estimated");
            } else if (se.equals("cr1") && v.clusters() < 20) {
                diag.add("few clusters (" + v.clusters() + "): CR1 tends to understate uncertainty; see CR2 or the wild bootstrap");
            }
        }
        if (!fit.dropped().isEmpty()) {
            diag.add("dropped as collinear: " + String.join(", ", fit.dropped()));
        }
        RandomisationSummary ri = term.equals(TREATMENT) ? randomisation(rp, fit, cl, xr, school, diag) : null;
        AnalysisRow out = row(group, o, label, a1, a0, ct, null, xr.length, clusters, se, stLabel, sd, diag, fit.dropped(),
                countSchools(xr, t, school, 1), countSchools(xr, t, school, 0));
        return ri == null ? out : out.withRandomisation(ri);
    }

    /**
     * Randomisation inference when the plan asks for it ({@code analysis.randomisation_inference: B}): the
     * treatment is re-assigned to whole analysis clusters, or to schools when it varies within clusters
     * (e.g. a partnership holding treated schools and their matches).
     */
    private static RandomisationSummary randomisation(ResolvedPlan rp, WlsFit fit, String[] cl, int[] xr, String[] school,
                                                      List<String> diag) {
        StudyPlan.Analysis an = rp.plan().analysis();
        if (an == null || an.randomisationReps() == null) {
            return null;
        }
        String[] schools = new String[xr.length];
        for (int k = 0; k < xr.length; k++) {
            schools[k] = school[xr[k]];
        }
        boolean whole = RandomisationInference.assignsWholeClusters(fit, TREATMENT, cl);
        if (!whole) {
            diag.add("the treatment varies within analysis clusters; randomisation inference re-assigns it to schools");
        }
        RandomisationResult r = RandomisationInference.test(fit, TREATMENT, whole ? cl : schools, an.randomisationReps(), rp.seed());
        String level = whole ? "cluster" : "school";
        diag.addAll(r.diagnostics());
        return RandomisationSummary.of(level, r);
    }

    private static AnalysisRow mixedRow(String group, StudyPlan.Outcome o, String label, ArmSummary a1, ArmSummary a0,
                                        ModelMatrix x, double[] yv, double[] w, String[] school, String stLabel, double sd,
                                        List<String> diag, NumericColumn t, String term) {
        int[] xr = x.rows();
        String[] g = new String[xr.length];
        for (int k = 0; k < xr.length; k++) {
            g[k] = school[xr[k]];
        }
        MixedFit mf;
        try {
            mf = RandomInterceptModel.fit(x, yv, w, g, true);
        } catch (org.padlock.EstimationException e) {
            diag.add(e.getMessage());
            return row(group, o, label, a1, a0, null, null, xr.length, 0, "mixed-reml", stLabel, sd, diag, List.of());
        }
        diag.addAll(mf.diagnostics());
        if (!mf.names().contains(term)) {
            diag.add("the treatment is collinear with the covariates and cannot be estimated");
            return row(group, o, label, a1, a0, null, null, xr.length, mf.groups(), "mixed-reml", stLabel, sd, diag,
                    mf.dropped());
        }
        try {
            MixedFit empty = RandomInterceptModel.fit(x.keep(new int[] {0}), yv, w, g, true);
            double[] tr = new double[xr.length];
            for (int k = 0; k < xr.length; k++) {
                tr[k] = t.get(xr[k]);
            }
            EffectSizeInterval h = HedgesG.total(mf.coefficient(term), empty, tr, g);
            diag.add(String.format(java.util.Locale.ROOT, "Hedges' g with the total variance of the unconditional model"
                    + " (Hedges 2007, as eefAnalytics crtFREQ): %.3f (95%% CI %.3f; %.3f)", h.g(), h.ciLow(), h.ciHigh()));
        } catch (org.padlock.EstimationException e) {
            diag.add("no Hedges' g: " + e.getMessage());
        }
        diag.add("random intercept for the school (REML); t test with " + (long) mf.test(term).df()
                + " between-school df; ICC of this model " + String.format(java.util.Locale.ROOT, "%.3f", mf.icc()));
        return row(group, o, label, a1, a0, mf.test(term), null, xr.length, mf.groups(), "mixed-reml", stLabel, sd, diag,
                mf.dropped(), countSchools(xr, t, school, 1), countSchools(xr, t, school, 0));
    }

    private static int countSchools(int[] rows, NumericColumn t, String[] school, int arm) {
        Set<String> s = new HashSet<>();
        for (int i : rows) {
            if (t.get(i) == arm) {
                s.add(school[i]);
            }
        }
        return s.size();
    }

    private static AnalysisRow row(String group, StudyPlan.Outcome o, String label, ArmSummary a1, ArmSummary a0,
                                   CoefficientTest ct, Covariance v, int nObs, int clusters, String se, String st,
                                   double sd, List<String> diag, List<String> dropped) {
        return row(group, o, label, a1, a0, ct, v, nObs, clusters, se, st, sd, diag, dropped, a1.schools(), a0.schools());
    }

    private static AnalysisRow row(String group, StudyPlan.Outcome o, String label, ArmSummary a1, ArmSummary a0,
                                   CoefficientTest ct, Covariance v, int nObs, int clusters, String se, String st,
                                   double sd, List<String> diag, List<String> dropped, int s1, int s0) {
        double nan = Double.NaN;
        if (ct == null) {
            return new AnalysisRow(group, o.name(), label, a1, a0, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, null,
                    se, nObs, clusters, s1, s0, st, dropped, diag);
        }
        double es = ct.estimate() / sd;
        Integer months = Double.isNaN(es) ? null : MonthsProgress.months(es);
        return new AnalysisRow(group, o.name(), label, a1, a0, ct.estimate(), ct.stdError(), ct.df(), ct.t(), ct.pValue(),
                ct.ciLow(), ct.ciHigh(), es, ct.ciLow() / sd, ct.ciHigh() / sd, months, se, nObs, clusters, s1, s0, st,
                dropped, diag);
    }

    /** The outcome per row: the pupil outcome, or post - pre for a school-level difference-in-differences. */
    private static double[] outcome(ResolvedPlan rp, Frame data, StudyPlan.Outcome o) {
        double[] y = data.numeric(o.column()).values();
        return rp.pupilLevel() ? y : org.padlock.estimation.did.TwoPeriodDid.change(data.numeric(o.pre()).values(), y);
    }

    private static double[] meanSd(double[] y, int[] rows) {
        double s = 0;
        int n = 0;
        for (int i : rows) {
            if (!Double.isNaN(y[i])) {
                s += y[i];
                n++;
            }
        }
        double m = s / n;
        double ss = 0;
        for (int i : rows) {
            if (!Double.isNaN(y[i])) {
                ss += (y[i] - m) * (y[i] - m);
            }
        }
        return new double[] {m, Math.sqrt(ss / (n - 1))};
    }
}
