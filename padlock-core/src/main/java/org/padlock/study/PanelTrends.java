package org.padlock.study;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.padlock.EstimationException;
import org.padlock.data.Frame;
import org.padlock.data.NumericColumn;
import org.padlock.data.TextColumn;
import org.padlock.design.FrozenDesign;
import org.padlock.estimation.did.DidInference;
import org.padlock.estimation.did.DidResult;
import org.padlock.estimation.did.EventCoefficient;
import org.padlock.estimation.did.EventStudy;
import org.padlock.estimation.did.PanelInput;
import org.padlock.estimation.did.TrendPoint;
import org.padlock.inference.BootstrapWeights;
import org.padlock.inference.CoefficientTest;
import org.padlock.report.Cell;
import org.padlock.report.Figure;
import org.padlock.report.ReportModel;
import org.padlock.report.Section;
import org.padlock.report.Table;

/**
 * The pre-trend check of a {@code school-did} study (000 Appendix Figure 1; Roth, Sant'Anna, Bilinski and
 * Poe 2023, J. Econometrics 235(2), s. 3.3): for every outcome with a {@code panel} (period -> column of
 * the school or outcomes table), the matched schools' long panel (matching weights on the comparison
 * schools; the analysis clusters) goes through {@link EventStudy}: unit and period fixed effects,
 * event-study coefficients relative to the period before the first treated one, the joint pre-trend
 * test, the static estimate and the weighted mean outcome by period and arm. The first treated period is
 * the outcome column's period. Inference follows {@code analysis.se} (cr2 and wild as in
 * {@link DidInference}; classical and hc1 fall back to CR1, which a note says).
 */
final class PanelTrends {
    private PanelTrends() {
    }

    /** One outcome's panel analysis; {@code result} null with {@code error} when it could not be estimated. */
    record Panel(String outcome, String label, List<String> columns, double firstTreated, String se, DidResult result,
                 String error) {
    }

    /** The outcome's panel as period -> column, ascending; IllegalArgumentException naming the rule broken. */
    static TreeMap<Double, String> periods(StudyPlan.Outcome o) {
        TreeMap<Double, String> m = new TreeMap<>();
        for (Map.Entry<String, String> e : o.panel().entrySet()) {
            double p;
            try {
                p = Double.parseDouble(e.getKey().trim());
            } catch (NumberFormatException x) {
                throw new IllegalArgumentException("panel keys must be period numbers (e.g. years); found \"" + e.getKey() + "\"");
            }
            if (e.getValue() == null || e.getValue().isBlank()) {
                throw new IllegalArgumentException("panel period " + e.getKey() + " needs a column name");
            }
            m.put(p, e.getValue());
        }
        if (m.size() < 2) {
            throw new IllegalArgumentException("panel needs at least two periods; found " + m.size());
        }
        Double post = null;
        for (Map.Entry<Double, String> e : m.entrySet()) {
            if (e.getValue().equals(o.column())) {
                post = e.getKey();
            }
        }
        if (post == null) {
            throw new IllegalArgumentException("panel must list the outcome column " + o.column() + " (the first treated period)");
        }
        Double before = m.lowerKey(post);
        if (before == null || !m.get(before).equals(o.pre())) {
            throw new IllegalArgumentException("panel must list the pre column " + o.pre() + " as the period just before "
                    + fmt(post));
        }
        return m;
    }

    /** Panels of every outcome that has one ({@code school-did} only; empty otherwise). */
    static List<Panel> run(ResolvedPlan rp, StudyInputs in, FrozenDesign design, Consumer<String> progress) {
        List<Panel> out = new ArrayList<>();
        if (rp.pupilLevel() || rp.plan().outcomes().stream().noneMatch(o -> o.panel() != null)) {
            return out;
        }
        Frame data = AnalysisStage.analysisFrame(rp, in, design);
        DidInference inf = inference(rp);
        for (StudyPlan.Outcome o : rp.plan().outcomes()) {
            if (o.panel() == null) {
                continue;
            }
            progress.accept("analysis: panel " + o.name());
            TreeMap<Double, String> per = periods(o);
            double first = per.entrySet().stream().filter(e -> e.getValue().equals(o.column())).findFirst().orElseThrow().getKey();
            String label = o.label() == null ? o.name() : o.label();
            try {
                out.add(new Panel(o.name(), label, List.copyOf(per.values()), first, inf.se(), fit(data, per, first, inf), null));
            } catch (IllegalArgumentException | EstimationException e) {
                out.add(new Panel(o.name(), label, List.copyOf(per.values()), first, inf.se(), null, e.getMessage()));
            }
        }
        return out;
    }

    static DidInference inference(ResolvedPlan rp) {
        StudyPlan.Analysis an = rp.plan().analysis();
        int reps = an == null || an.bootstrapReps() == null ? PlanDefaults.BOOTSTRAP_REPS : an.bootstrapReps();
        String bw = an == null || an.bootstrapWeights() == null ? PlanDefaults.BOOTSTRAP_WEIGHTS : an.bootstrapWeights();
        String se = rp.se().equals("cr2") || rp.se().equals("wild") ? rp.se() : "cr1";
        return new DidInference(se, reps, rp.seed(), bw.equals("webb") ? BootstrapWeights.WEBB : BootstrapWeights.RADEMACHER);
    }

    private static DidResult fit(Frame data, TreeMap<Double, String> per, double first, DidInference inf) {
        TextColumn school = data.text(AnalysisStage.SCHOOL);
        TextColumn cluster = data.text(AnalysisStage.CLUSTER);
        NumericColumn t = data.numeric(AnalysisStage.TREATMENT);
        NumericColumn w = data.numeric(AnalysisStage.WEIGHT);
        List<String> unit = new ArrayList<>();
        List<String> cl = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        int missing = 0;
        for (int i = 0; i < data.rowCount(); i++) {
            for (Map.Entry<Double, String> e : per.entrySet()) {
                double y = data.numeric(e.getValue()).get(i);
                if (Double.isNaN(y)) {
                    missing++;
                    continue;
                }
                unit.add(school.get(i));
                cl.add(cluster.get(i));
                rows.add(new double[] {e.getKey(), y, t.get(i), w.get(i)});
            }
        }
        int n = rows.size();
        double[][] c = new double[4][n];
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < 4; j++) {
                c[j][r] = rows.get(r)[j];
            }
        }
        return EventStudy.fit(new PanelInput(unit.toArray(new String[0]), c[0], c[1], c[2], c[3], cl.toArray(new String[0]),
                List.of(), new double[0][], first), missing, inf);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    /** results.json entries: per outcome the trends, event study, pre-trend test and static estimate. */
    static List<Map<String, Object>> json(List<Panel> panels) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Panel p : panels) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("outcome", p.outcome());
            m.put("first_treated_period", p.firstTreated());
            m.put("se", p.se());
            if (p.result() == null) {
                m.put("error", p.error());
                out.add(m);
                continue;
            }
            DidResult r = p.result();
            m.put("static", r.effect().toJson());
            m.put("n_obs", r.nObs());
            m.put("n_clusters", r.nClusters());
            m.put("n_dropped_missing_outcome", r.nDroppedMissing());
            m.put("event_study", r.eventStudy().stream().map(EventCoefficient::toJson).toList());
            if (r.preTrend() != null) {
                m.put("pre_trend", r.preTrend().toJson());
            }
            m.put("trends", r.trends().stream().map(TrendPoint::toJson).toList());
            m.put("diagnostics", r.diagnostics());
            out.add(m);
        }
        return out;
    }

    /** The trends figures and event-study tables, added to the impact section. */
    static ReportModel withPanels(ReportModel r, List<Panel> panels, ResolvedPlan rp) {
        if (panels.isEmpty()) {
            return r;
        }
        List<Figure> figs = new ArrayList<>();
        List<Table> tables = new ArrayList<>();
        for (Panel p : panels) {
            String id = "trends-" + p.outcome();
            if (p.result() == null) {
                tables.add(new Table("event-study-" + p.outcome(), "Event study: " + p.label(), List.of("Note"),
                        List.of(List.of(Cell.text("not estimated: " + p.error()))), List.of()));
                continue;
            }
            DidResult d = p.result();
            TreeMap<Double, double[]> by = new TreeMap<>();
            for (TrendPoint q : d.trends()) {
                double[] a = by.computeIfAbsent(q.period(), k -> new double[] {Double.NaN, Double.NaN, 0, 0});
                a[q.treated() == 1 ? 0 : 1] = q.mean();
                a[q.treated() == 1 ? 2 : 3] = q.n();
            }
            int k = by.size();
            double[] per = new double[k], a1 = new double[k], a0 = new double[k];
            int[] n1 = new int[k], n0 = new int[k], basis = new int[k];
            int i = 0;
            for (Map.Entry<Double, double[]> e : by.entrySet()) {
                per[i] = e.getKey();
                a1[i] = e.getValue()[0];
                a0[i] = e.getValue()[1];
                n1[i] = (int) e.getValue()[2];
                n0[i] = (int) e.getValue()[3];
                basis[i] = -1;
                i++;
            }
            figs.add(new Figure.Trends(id, "Mean by period and arm of " + String.join(", ", p.columns()) + " (outcome: "
                    + p.label() + ")",
                    String.format(Locale.ROOT, "Line chart of the mean outcome level (%s) of intervention schools and of"
                            + " matched comparison schools (matching weights) in each period from %s to %s; a dashed line marks"
                            + " the start of the programme before %s.", String.join(", ", p.columns()), fmt(per[0]),
                            fmt(per[k - 1]), fmt(p.firstTreated())),
                    "(" + String.join(", ", p.columns()) + ")", per, a1, a0, n1, n0, basis, basis, p.firstTreated()));
            List<List<Cell>> body = new ArrayList<>();
            int f = java.util.Arrays.binarySearch(per, p.firstTreated());
            for (EventCoefficient e : d.eventStudy()) {
                int at = f + e.relativePeriod();
                body.add(row(Integer.toString(e.relativePeriod()), at >= 0 && at < k ? fmt(per[at]) : "", e.test()));
            }
            body.add(row("0 and later", "static", d.effect()));
            List<String> notes = new ArrayList<>();
            notes.add("Two-way fixed effects (school and period), matched sample, matching weights on comparison schools;"
                    + " coefficients of treated x relative period, reference period -1 ("
                    + (f >= 1 ? fmt(per[f - 1]) : "") + "). The last row is the static treated x post estimate.");
            notes.add(switch (p.se()) {
                case "cr2" -> "CR2 standard errors with Satterthwaite degrees of freedom (clubSandwich), clustered by "
                        + "analysis cluster.";
                case "wild" -> "p-values and 95% intervals by the restricted wild cluster bootstrap; standard errors CR1.";
                default -> "CR1 standard errors, t(G - 1)" + (rp.se().equals("cr1") ? "." : " (analysis.se " + rp.se()
                        + " is not available for the panel).");
            });
            if (d.preTrend() != null) {
                notes.add(String.format(Locale.ROOT, "Joint pre-trend test (relative periods %s): F(%d, %s) = %.3f, p = %.3f.",
                        d.preTrend().relativePeriods(), d.preTrend().df1(), fmt(d.preTrend().df2()), d.preTrend().f(),
                        d.preTrend().pValue()));
            }
            d.diagnostics().forEach(notes::add);
            tables.add(new Table("event-study-" + p.outcome(), "Event study and pre-trend test: " + p.label(),
                    List.of("Relative period", "Period", "Estimate", "SE", "95% CI", "p-value"), body, notes));
        }
        List<Section> out = new ArrayList<>();
        for (Section s : r.sections()) {
            if (s.id().equals("impact")) {
                List<Table> t = new ArrayList<>(s.tables());
                t.addAll(tables);
                List<Figure> fs = new ArrayList<>(s.figures());
                fs.addAll(figs);
                out.add(new Section(s.id(), s.title(), s.paragraphs(), t, fs));
            } else {
                out.add(s);
            }
        }
        return new ReportModel(r.title(), r.subtitle(), out, r.smallCellThreshold(), r.disclosureApplied());
    }

    private static List<Cell> row(String rel, String period, CoefficientTest t) {
        return List.of(Cell.text(rel), Cell.text(period), Cell.number(t.estimate(), 3), Cell.number(t.stdError(), 3),
                Cell.text(String.format(Locale.ROOT, "[%.3f, %.3f]", t.ciLow(), t.ciHigh())), Cell.number(t.pValue(), 3));
    }
}
