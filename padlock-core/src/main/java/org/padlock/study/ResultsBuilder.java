package org.padlock.study;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.padlock.Version;
import org.padlock.balance.BalanceRow;
import org.padlock.data.Frame;
import org.padlock.data.NumericColumn;
import org.padlock.data.TextColumn;
import org.padlock.design.DesignResult;
import org.padlock.design.FrozenDesign;
import org.padlock.design.MatchedSample;
import org.padlock.design.PropensityFit;
import org.padlock.eef.CostResult;

/**
 * The canonical results of a run ({@code results.json}) and its CSV tables. Only values that the
 * same inputs always reproduce go here: no times, no paths. Pupil-based summaries resting on fewer
 * pupils than the disclosure threshold are hidden.
 */
final class ResultsBuilder {
    private ResultsBuilder() {
    }

    /** @param surveys the plan's surveys ({@link SurveySections#load}), {@code null} without any */
    static Map<String, Object> results(ResolvedPlan rp, StudyInputs in, DesignResult d, FrozenDesign frozen,
                                       List<AnalysisRow> rows, List<CostResult> costs, SurveySections.Loaded surveys) {
        Map<String, Object> r = new TreeMap<>();
        r.put("study", rp.plan().name());
        r.put("design", rp.plan().design());
        r.put("padlock_version", Version.VERSION);
        r.put("seed", rp.seed());
        r.put("inputs", new TreeMap<>(in.hashes()));
        r.put("design_stage", designStage(d, frozen));
        r.put("analyses", disclosed(rows, rp.smallCell(), rp.pupilLevel()));
        Map<String, Object> c = new TreeMap<>();
        for (CostResult cr : costs) {
            c.put(cr.perspective(), cr);
        }
        r.put("cost", c);
        if (surveys != null) {
            r.put("surveys", SurveySections.results(rp, in, surveys));
        }
        r.put("disclosure", Map.of("small_cell_threshold", rp.smallCell(),
                "rule", "pupil-based counts and statistics resting on fewer than " + rp.smallCell()
                        + " pupils are suppressed (null); pupil identifiers are never written"));
        return r;
    }

    private static List<AnalysisRow> disclosed(List<AnalysisRow> rows, int threshold, boolean pupilLevel) {
        List<AnalysisRow> out = new ArrayList<>();
        for (AnalysisRow a : rows) {
            // pupil level: a model statistic rests on its smaller arm (as ReportBuilder.modelBasis)
            boolean hide = a.nObs() < threshold
                    || pupilLevel && Math.min(a.intervention().n(), a.control().n()) < threshold;
            double nan = Double.NaN;
            out.add(new AnalysisRow(a.group(), a.name(), a.label(), a.intervention().disclosed(threshold),
                    a.control().disclosed(threshold), hide ? nan : a.estimate(), hide ? nan : a.stdError(), a.df(),
                    hide ? nan : a.t(), hide ? nan : a.pValue(), hide ? nan : a.ciLow(), hide ? nan : a.ciHigh(),
                    hide ? nan : a.effectSize(), hide ? nan : a.effectSizeCiLow(), hide ? nan : a.effectSizeCiHigh(),
                    hide ? null : a.months(), a.se(), hide ? -1 : a.nObs(), a.nClusters(), a.modelSchoolsIntervention(),
                    a.modelSchoolsControl(), a.standardisation(), a.droppedTerms(), a.diagnostics(),
                    hide ? null : a.randomisation()));
        }
        return out;
    }

    private static Map<String, Object> designStage(DesignResult d, FrozenDesign frozen) {
        MatchedSample m = d.sample();
        Map<String, Object> s = new TreeMap<>();
        s.put("specification", frozen.specification());
        s.put("design_content_sha256", frozen.designContentSha256());
        s.put("n_treated", m.nTreated());
        s.put("n_control", m.nControl());
        s.put("n_treated_matched", m.nTreatedMatched());
        s.put("n_control_matched", m.nControlMatched());
        s.put("n_discarded", m.nDiscarded());
        s.put("excluded_missing_treated", d.excludedTreated());
        s.put("excluded_missing_control", d.excludedControl());
        s.put("caliper_width_distance_units", m.caliperWidth());
        s.put("diagnostics", m.diagnostics());
        PropensityFit ps = d.propensity();
        List<Map<String, Object>> coefs = new ArrayList<>();
        double[] b = ps.coefficients();
        double[] se = ps.stdErrors();
        for (int j = 0; j < b.length; j++) {
            Map<String, Object> c = new TreeMap<>();
            c.put("term", ps.names().get(j));
            c.put("estimate", b[j]);
            c.put("std_error", se[j]);
            coefs.add(c);
        }
        Map<String, Object> pm = new TreeMap<>();
        pm.put("link", ps.link().name().toLowerCase(Locale.ROOT));
        pm.put("coefficients", coefs);
        pm.put("log_likelihood", ps.logLik());
        pm.put("pseudo_r2", ps.pseudoR2());
        pm.put("iterations", ps.iterations());
        pm.put("converged", ps.converged());
        s.put("propensity_model", pm);
        List<Map<String, Object>> bal = new ArrayList<>();
        for (BalanceRow r : d.balance().rows()) {
            bal.add(r.toJson());
        }
        s.put("balance", bal);
        s.put("mean_abs_pct_bias_before", d.balance().meanAbsPctBiasBefore());
        s.put("mean_abs_pct_bias_after", d.balance().meanAbsPctBiasAfter());
        s.put("median_abs_pct_bias_before", d.balance().medianAbsPctBiasBefore());
        s.put("median_abs_pct_bias_after", d.balance().medianAbsPctBiasAfter());
        if (d.balance().summary() != null) {
            s.put("balance_summary", d.balance().summary().toJson());
        }
        return s;
    }

    /** The matched sample as a frame: one row per design unit (schools; never pupils). */
    static Frame matchedFrame(MatchedSample m) {
        int n = m.size();
        double[] t = new double[n];
        double[] disc = new double[n];
        int[] tr = m.treated();
        boolean[] d = m.discarded();
        for (int i = 0; i < n; i++) {
            t[i] = tr[i];
            disc[i] = d[i] ? 1 : 0;
        }
        return new Frame("matched_sample", List.of(new TextColumn("id", m.ids().toArray(new String[0])),
                new NumericColumn("treated", t), new NumericColumn("pscore", m.pscore()),
                new NumericColumn("weight", m.weight()), new NumericColumn("discarded", disc),
                new TextColumn("subclass", m.subclass()), new TextColumn("cluster", m.cluster())));
    }

    /** CSV tables: the matched sample, balance and impact estimates. */
    static Map<String, List<List<String>>> tables(ResolvedPlan rp, DesignResult d, List<AnalysisRow> rows) {
        Map<String, List<List<String>>> t = new TreeMap<>();
        Frame m = matchedFrame(d.sample());
        List<List<String>> ms = new ArrayList<>();
        ms.add(m.names());
        for (int i = 0; i < m.rowCount(); i++) {
            List<String> r = new ArrayList<>();
            for (var c : m.columns()) {
                String v = c.text(i);
                r.add(v == null ? "" : v);
            }
            ms.add(r);
        }
        t.put("matched_sample.csv", ms);
        List<List<String>> b = new ArrayList<>();
        b.add(List.of("variable", "mean_treated", "mean_control_before", "mean_control_after", "smd_before", "smd_after",
                "pct_bias_before", "pct_bias_after", "variance_ratio_after"));
        for (BalanceRow r : d.balance().rows()) {
            b.add(List.of(r.variable(), num(r.meanTreated()), num(r.meanControlBefore()), num(r.meanControlAfter()),
                    num(r.smdBefore()), num(r.smdAfter()), num(r.pctBiasBefore()), num(r.pctBiasAfter()),
                    num(r.varianceRatioAfter())));
        }
        t.put("balance.csv", b);
        List<List<String>> e = new ArrayList<>();
        e.add(List.of("group", "outcome", "label", "n_intervention", "missing_intervention", "mean_intervention",
                "n_control", "missing_control", "mean_control", "schools_intervention", "schools_control", "estimate",
                "std_error", "df", "p_value", "ci_low", "ci_high", "effect_size", "months_progress", "se_method"));
        for (AnalysisRow a : disclosed(rows, rp.smallCell(), rp.pupilLevel())) {
            e.add(List.of(a.group(), a.name(), a.label(), cnt(a.intervention().n()), cnt(a.intervention().missing()),
                    num(a.intervention().mean()), cnt(a.control().n()), cnt(a.control().missing()), num(a.control().mean()),
                    cnt(a.modelSchoolsIntervention()), cnt(a.modelSchoolsControl()), num(a.estimate()), num(a.stdError()),
                    num(a.df()), num(a.pValue()), num(a.ciLow()), num(a.ciHigh()), num(a.effectSize()),
                    a.months() == null ? "" : a.months().toString(), a.se()));
        }
        t.put("impact.csv", e);
        return t;
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }

    private static String cnt(int n) {
        return n < 0 ? "suppressed" : Integer.toString(n);
    }
}
