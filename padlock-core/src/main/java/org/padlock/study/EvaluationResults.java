package org.padlock.study;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.padlock.eef.ComplianceSummary;
import org.padlock.eef.Attrition;
import org.padlock.eef.ParticipantFlow;

/**
 * Disclosure control for the evaluation layer in {@code results.json} (DOMAIN.md s. 9): pupil counts
 * below the threshold become {@value #SUPPRESSED}; the attrition block is dropped (with a note) when
 * any of its pupil counts is below the threshold. -1 keeps meaning "no pupil records".
 */
final class EvaluationResults {
    /** A pupil count hidden by disclosure control (as {@code Figure.Flow.SUPPRESSED}). */
    static final int SUPPRESSED = -2;

    private EvaluationResults() {
    }

    static Evaluation disclosed(Evaluation ev, int threshold) {
        List<ParticipantFlow.Step> steps = new ArrayList<>();
        for (ParticipantFlow.Step s : ev.flow().steps()) {
            steps.add(new ParticipantFlow.Step(s.kind(), s.label(), s.schoolsIntervention(), s.schoolsComparison(),
                    hide(s.pupilsIntervention(), threshold), hide(s.pupilsComparison(), threshold)));
        }
        Attrition a = ev.flow().attrition();
        List<String> notes = new ArrayList<>(ev.notes());
        if (a != null && a.unit().equals("pupils") && (small(a.allocatedIntervention(), threshold)
                || small(a.allocatedComparison(), threshold) || small(a.analysedIntervention(), threshold)
                || small(a.analysedComparison(), threshold))) {
            a = null;
            notes.add("attrition suppressed: a pupil count is below " + threshold);
        }
        List<MdesStage> mdes = new ArrayList<>();
        for (MdesStage m : ev.mdes()) {
            mdes.add(new MdesStage(m.stage(), m.schoolsIntervention(), m.schoolsControl(), hide(m.pupilsIntervention(), threshold),
                    hide(m.pupilsControl(), threshold), m.prePostCorrelation(), m.icc(), m.power(), m.alpha(), m.mdes(),
                    m.multiplier(), m.df(), m.formula(), m.level2Covariates(), m.note()));
        }
        return new Evaluation(new ParticipantFlow(steps, a), mdes, ev.powerStage(), ev.rating(), ev.compliance(), notes);
    }

    private static boolean small(int n, int threshold) {
        return n >= 0 && n < threshold;
    }

    private static int hide(int n, int threshold) {
        return small(n, threshold) ? SUPPRESSED : n;
    }

    /** The CSV tables of a run plus the evaluation layer's: flow.csv, mdes.csv, compliance_*.csv (already disclosed). */
    static Map<String, List<List<String>>> withTables(Map<String, List<List<String>>> tables, Evaluation ev) {
        Map<String, List<List<String>>> t = new TreeMap<>(tables);
        List<List<String>> flow = new ArrayList<>();
        flow.add(List.of("kind", "label", "schools_intervention", "schools_comparison", "pupils_intervention", "pupils_comparison"));
        for (ParticipantFlow.Step s : ev.flow().steps()) {
            flow.add(List.of(s.kind(), s.label(), Integer.toString(s.schoolsIntervention()), Integer.toString(s.schoolsComparison()),
                    pupils(s.pupilsIntervention()), pupils(s.pupilsComparison())));
        }
        t.put("flow.csv", flow);
        List<List<String>> mdes = new ArrayList<>();
        mdes.add(List.of("stage", "schools_intervention", "schools_control", "pupils_intervention", "pupils_control",
                "pre_post_correlation", "icc", "power", "alpha", "mdes", "formula", "df", "level2_covariates"));
        for (MdesStage m : ev.mdes()) {
            mdes.add(List.of(m.stage(), Integer.toString(m.schoolsIntervention()), Integer.toString(m.schoolsControl()),
                    pupils(m.pupilsIntervention()), pupils(m.pupilsControl()), num(m.prePostCorrelation()), num(m.icc()),
                    num(m.power()), num(m.alpha()), num(m.mdes()), m.formula(), num(m.df()), Integer.toString(m.level2Covariates())));
        }
        t.put("mdes.csv", mdes);
        if (ev.compliance() != null) {
            t.put("compliance_schools.csv", counts(ev.compliance().schoolCounts()));
            if (!ev.compliance().clusters().isEmpty()) {
                t.put("compliance_clusters.csv", counts(ev.compliance().clusterCounts()));
            }
        }
        return t;
    }

    private static List<List<String>> counts(List<ComplianceSummary.Count> counts) {
        List<List<String>> out = new ArrayList<>();
        out.add(List.of("category", "n", "percent", "percent_rounded"));
        for (ComplianceSummary.Count c : counts) {
            out.add(List.of(c.category(), Integer.toString(c.n()), num(c.percent()), Integer.toString(c.percentRounded())));
        }
        return out;
    }

    private static String pupils(int n) {
        return n == SUPPRESSED ? "suppressed" : n < 0 ? "" : Integer.toString(n);
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }
}
