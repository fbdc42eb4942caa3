package org.padlock.study;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.padlock.eef.Attrition;
import org.padlock.eef.ComplianceSummary;
import org.padlock.eef.CostResult;
import org.padlock.eef.MonthsProgress;
import org.padlock.eef.PadlockRating;
import org.padlock.eef.PadlockRules;
import org.padlock.eef.ParticipantFlow;
import org.padlock.eef.RuleTables;
import org.padlock.report.Cell;
import org.padlock.report.Figure;
import org.padlock.report.Section;
import org.padlock.report.Table;

/**
 * Report sections of the evaluation layer, in the seeds' layouts: the executive summary table (000),
 * participant flow with attrition and the flow diagram (000 Figure 1), the MDES table (000 Table 3),
 * the security rating (000 Appendix B) and compliance (003 Tables 11 and 12). Pupil counts carry
 * their disclosure basis; nothing is computed here.
 */
final class EvaluationReport {
    private EvaluationReport() {
    }

    /**
     * Executive summary: the seed 000 table (primary outcome overall and per subgroup: effect size
     * with 95% CI, months' progress, padlocks, p, cost rating) preceded by key conclusions in the
     * style of seed 003 Table 1 (one sentence per primary and secondary outcome, compliance, cost).
     * Model statistics rest on the smaller arm's pupils ({@link ReportBuilder#modelBasis}), as in the
     * impact tables, so a value hidden there is hidden here too.
     */
    static Section summary(ResolvedPlan rp, Evaluation ev, List<AnalysisRow> rows, List<CostResult> costs) {
        String costRating = costs.isEmpty() ? "not costed" : costs.get(0).rating();
        List<List<Cell>> body = new ArrayList<>();
        for (AnalysisRow a : rows) {
            boolean primary = a.group().equals("primary");
            if (!primary && !a.group().equals("subgroup")) {
                continue;
            }
            int basis = ReportBuilder.modelBasis(rp, a);
            String group = primary ? a.label() + ": intervention vs comparison" : a.label() + " pupils vs comparison";
            String padlocks = primary && ev.rating() != null ? Integer.toString(ev.rating().padlocks()) : "-";
            body.add(List.of(Cell.text(group), new Cell(es(a), Double.NaN, -1, basis, false), months(a, basis),
                    Cell.text(padlocks), pValue(a.pValue(), basis), Cell.text(costRating)));
        }
        List<String> notes = new ArrayList<>(List.of(
                "Effect size with its 95% confidence interval; months' progress from the EEF Toolkit conversion table ("
                        + MonthsProgress.TABLE_VERSION + ").",
                "EEF security rating in padlocks (0-5) for the primary analysis only; see 'Security rating'."));
        if (!costs.isEmpty()) {
            notes.add(String.format(Locale.ROOT, "EEF cost rating: %s (GBP %,.2f per pupil per year over three years, schools'"
                    + " perspective).", costRating, costs.get(0).costPerPupilPerYear()));
        } else {
            notes.add("EEF cost rating: not costed (the study plan has no cost section).");
        }
        Table t = new Table("summary", "Executive summary: impact on the primary outcome", List.of("Group",
                "Effect size (95% confidence interval)", "Estimated months' progress", "EEF security rating", "P value",
                "EEF cost rating"), body, notes);
        List<String> paras = new ArrayList<>(keyConclusions(rp, ev, rows));
        if (!costs.isEmpty()) {
            CostResult c = costs.get(0);
            String range = Math.round(c.minCostPerSchool()) == Math.round(c.maxCostPerSchool())
                    ? String.format(Locale.ROOT, "GBP %,.0f per school over three years", c.minCostPerSchool())
                    : String.format(Locale.ROOT, "GBP %,.0f to GBP %,.0f per school over three years", c.minCostPerSchool(),
                    c.maxCostPerSchool());
            paras.add(String.format(Locale.ROOT, "Cost to schools: GBP %,.2f per pupil per year over three years, rated %s;"
                    + " %s; %.0f staff days in school time and %.0f outside school time per school.", c.costPerPupilPerYear(),
                    c.rating(), range, c.staffDaysInSchool(), c.staffDaysOutOfSchool()));
        }
        return new Section("summary", "Executive summary", paras, List.of(t), List.of());
    }

    /**
     * Key conclusions (seed 003 Table 1 style), one sentence per primary and secondary outcome and one
     * on compliance. Free text cannot pass through cell-level disclosure control, so a statistic
     * resting on fewer pupils than the threshold is not written at all.
     */
    static List<String> keyConclusions(ResolvedPlan rp, Evaluation ev, List<AnalysisRow> rows) {
        List<String> out = new ArrayList<>();
        for (AnalysisRow a : rows) {
            boolean primary = a.group().equals("primary");
            if (!primary && !a.group().equals("secondary")) {
                continue;
            }
            String head = (primary ? "Primary outcome" : "Secondary outcome") + " (" + a.label() + "): ";
            int basis = ReportBuilder.modelBasis(rp, a);
            if (basis >= 0 && basis < rp.smallCell()) {
                out.add(head + "not reported (fewer than " + rp.smallCell() + " pupils in an arm).");
                continue;
            }
            if (Double.isNaN(a.effectSize())) {
                out.add(head + "no effect size could be estimated.");
                continue;
            }
            boolean sig = a.pValue() < 0.05;
            String direction = !sig ? "no evidence of a difference between intervention and comparison"
                    : a.effectSize() > 0 ? "a positive difference in favour of the intervention"
                    : "a negative difference (comparison ahead of the intervention)";
            String months = a.months() == null ? "" : String.format(Locale.ROOT, ", about %d %s progress", a.months(),
                    Math.abs(a.months()) == 1 ? "month's" : "months'");
            String padlocks = primary && ev.rating() != null ? String.format(Locale.ROOT, "; security rating %d padlock%s",
                    ev.rating().padlocks(), ev.rating().padlocks() == 1 ? "" : "s") : "";
            out.add(String.format(Locale.ROOT, "%s%s: effect size %s (95%% CI %s to %s)%s, p %s%s.", head, direction,
                    two(a.effectSize()), two(a.effectSizeCiLow()), two(a.effectSizeCiHigh()), months, pText(a.pValue()), padlocks));
        }
        ComplianceSummary c = ev.compliance();
        if (c != null) {
            List<String> parts = new ArrayList<>();
            for (ComplianceSummary.Count k : c.schoolCounts()) {
                parts.add(k.percentRounded() + "% " + k.category());
            }
            out.add("Compliance: of the " + c.schools().size() + " treated schools, " + String.join(", ", parts) + " (rule set "
                    + c.rulesVersion() + ").");
        }
        return out;
    }

    /** A p-value as the seeds print it: two decimals, and "< 0.01" rather than a misleading "0.00". */
    static Cell pValue(double p, int basis) {
        return Double.isNaN(p) ? Cell.number(p, 2, basis) : new Cell(pText(p), p, -1, basis, false);
    }

    private static String pText(double p) {
        return p < 0.01 ? "< 0.01" : two(p);
    }

    /** Participant flow table, attrition and the CONSORT-style diagram. */
    static Section flow(ResolvedPlan rp, Evaluation ev) {
        boolean pupils = rp.pupilLevel();
        List<List<Cell>> body = new ArrayList<>();
        List<Figure.FlowBox> boxes = new ArrayList<>();
        for (ParticipantFlow.Step s : ev.flow().steps()) {
            String label = s.isExclusion() ? "Excluded: " + s.label() : s.label();
            List<Cell> r = new ArrayList<>(List.of(Cell.text(label), Cell.count(s.schoolsIntervention()),
                    Cell.count(s.schoolsComparison())));
            if (pupils) {
                r.add(Cell.pupils(s.pupilsIntervention()));
                r.add(Cell.pupils(s.pupilsComparison()));
            }
            body.add(r);
            boxes.add(new Figure.FlowBox(s.label(), s.isExclusion(), s.schoolsIntervention(), s.schoolsComparison(),
                    s.pupilsIntervention(), s.pupilsComparison()));
        }
        List<String> header = new ArrayList<>(List.of("Stage", "Schools, intervention", "Schools, comparison"));
        if (pupils) {
            header.addAll(List.of("Pupils, intervention", "Pupils, comparison"));
        }
        List<String> notes = new ArrayList<>(List.of("Counts computed by the pipeline from the data."));
        if (pupils) {
            notes.add("Pupils are those of the primary outcome's cohort; pupil counts below " + rp.smallCell() + " are suppressed.");
        }
        List<Table> tables = new ArrayList<>(List.of(new Table("flow", "Participant flow", header, body, notes)));
        Attrition a = ev.flow().attrition();
        if (a != null) {
            boolean p = a.unit().equals("pupils");
            List<List<Cell>> ar = new ArrayList<>();
            ar.add(attritionRow("Intervention", a.allocatedIntervention(), a.analysedIntervention(), a.intervention(), p));
            ar.add(attritionRow("Comparison", a.allocatedComparison(), a.analysedComparison(), a.comparison(), p));
            ar.add(attritionRow("Total", a.allocatedIntervention() + a.allocatedComparison(),
                    a.analysedIntervention() + a.analysedComparison(), a.overall(), p));
            tables.add(new Table("attrition", "Attrition from allocation (matching) to analysis, primary outcome",
                    List.of("Arm", "Allocated (" + a.unit() + ")", "Analysed (" + a.unit() + ")", "Attrition (%)"), ar,
                    List.of("Attrition = 1 - analysed / allocated, in " + a.unit() + " (seed 000 Appendix B: measured at"
                            + " the pupil level from randomisation to analysis).")));
        }
        Figure f = new Figure.Flow("flow-diagram", "Participant flow diagram", "Flow of schools"
                + (pupils ? " and pupils" : "") + " from the data to the analysis: " + describe(ev.flow()) + ".", boxes);
        return new Section("flow", "Participant flow", List.of(), tables, List.of(f));
    }

    private static List<Cell> attritionRow(String arm, int allocated, int analysed, double rate, boolean pupils) {
        int basis = pupils ? Math.min(allocated, analysed) : -1;
        return List.of(Cell.text(arm), pupils ? Cell.pupils(allocated) : Cell.count(allocated),
                pupils ? Cell.pupils(analysed) : Cell.count(analysed), Cell.number(100 * rate, 1, basis));
    }

    private static String describe(ParticipantFlow f) {
        List<String> parts = new ArrayList<>();
        for (ParticipantFlow.Step s : f.steps()) {
            if (!s.isExclusion()) {
                parts.add(s.label() + " " + s.schoolsIntervention() + " intervention and " + s.schoolsComparison()
                        + " comparison schools");
            }
        }
        return String.join("; ", parts);
    }

    /** The MDES table of seed 000 Table 3. */
    static Section mdes(ResolvedPlan rp, Evaluation ev) {
        List<List<Cell>> body = new ArrayList<>();
        for (MdesStage s : ev.mdes()) {
            String n;
            int basis = -1;
            if (s.pupilsIntervention() >= 0) {
                n = String.format(Locale.ROOT, "%d / %,d (%d / %,d; %d / %,d)", s.schoolsIntervention() + s.schoolsControl(),
                        s.pupilsIntervention() + s.pupilsControl(), s.schoolsIntervention(), s.pupilsIntervention(),
                        s.schoolsControl(), s.pupilsControl());
                basis = Math.min(s.pupilsIntervention(), s.pupilsControl());
            } else {
                n = String.format(Locale.ROOT, "%d (%d; %d)", s.schoolsIntervention() + s.schoolsControl(),
                        s.schoolsIntervention(), s.schoolsControl());
            }
            body.add(List.of(Cell.text(cap(s.stage())), new Cell(n, Double.NaN, -1, basis, false),
                    Cell.number(s.prePostCorrelation(), 2), Double.isNaN(s.icc()) ? Cell.text("n/a") : Cell.number(s.icc(), 3),
                    Cell.text("N/A"), Cell.text(String.format(Locale.ROOT, "%.0f%%", 100 * s.power())),
                    Cell.number(s.alpha(), 2), Cell.number(s.mdes(), 3)));
        }
        List<String> notes = new ArrayList<>();
        notes.add(rp.pupilLevel() ? "N [schools / pupils] (n = intervention; n = control); pupils with the primary outcome."
                : "N schools (intervention; control) with the primary outcome.");
        for (MdesStage s : ev.mdes()) {
            notes.add(cap(s.stage()) + ": " + s.note() + (Double.isNaN(s.df()) ? "" : String.format(Locale.ROOT,
                    " (PowerUp! %s, df %.0f, multiplier %.3f, g = %d).", s.formula(), s.df(), s.multiplier(), s.level2Covariates())));
        }
        notes.add("Correlation between pre-test (+ other covariates) and post-test: the square root of the share of the"
                + " primary outcome's variance explained by the outcome model's covariates; R2 is used at both levels.");
        Table t = new Table("mdes", "Minimum detectable effect size at different stages", List.of("Stage",
                rp.pupilLevel() ? "N [schools/pupils] (n=intervention; n=control)" : "N [schools] (n=intervention; n=control)",
                "Correlation between pre-test (+other covariates) & post-test", "ICC",
                "Blocking/ stratification or pair matching", "Power", "Alpha", "Minimum detectable effect size (MDES)"), body,
                notes);
        return new Section("mdes", "Minimum detectable effect size", List.of(), List.of(t), List.of());
    }

    /** The security rating in the layout of seed 000 Appendix B. */
    static Section security(ResolvedPlan rp, Evaluation ev) {
        PadlockRating r = ev.rating();
        if (r == null) {
            return new Section("security", "Security rating", ev.notes(), List.of(), List.of());
        }
        PadlockRules rules = RuleTables.padlocks();
        Map<Integer, List<String>> designs = new TreeMap<>();
        for (PadlockRules.Design d : rules.designs()) {
            designs.computeIfAbsent(d.score(), k -> new ArrayList<>()).add(d.text());
        }
        List<List<Cell>> body = new ArrayList<>();
        for (int score = 5; score >= 0; score--) {
            String adjust = score == 5 ? "Adjustment for balance [" + reason(r, "balance") + "]"
                    : score == 2 ? "Adjustment for threats to internal validity [" + reason(r, "validity") + "]" : "";
            body.add(List.of(Cell.count(score), Cell.text(String.join("; or ", designs.getOrDefault(score, List.of()))),
                    Cell.text(powerText(rules, score)), Cell.text(attritionText(rules, score)),
                    Cell.text(score == r.initialScore() ? Integer.toString(score) : ""), Cell.text(adjust),
                    Cell.text(score == r.padlocks() ? Integer.toString(score) : "")));
        }
        Attrition a = ev.flow().attrition();
        MdesStage st = ev.mdes().stream().filter(s -> s.stage().equals(ev.powerStage())).findFirst().orElseThrow();
        List<String> paras = new ArrayList<>();
        paras.add(String.format(Locale.ROOT, "Initial padlock score: lowest of the three ratings for design (%d), power (%d)"
                + " and attrition (%d) = %d padlocks.", r.designScore(), r.powerScore(), r.attritionScore(), r.initialScore()));
        paras.add("Reason for adjustment for balance (if made): " + reason(r, "balance") + ".");
        paras.add("Reason for adjustment for threats to validity (if made): " + reason(r, "validity") + ".");
        paras.add("Final padlock score: initial score adjusted for balance and internal validity = " + r.padlocks() + " padlocks.");
        paras.add(String.format(Locale.ROOT, "The design is rated as '%s' (%s). MDES is %.2f at the %s stage; attrition is"
                        + " %.1f%% of %s (%.1f%% intervention, %.1f%% comparison).", r.design(),
                rules.design(r.design()).text(), st.mdes(), st.stage(), 100 * a.overall(), a.unit(), 100 * a.intervention(),
                100 * a.comparison()));
        Table t = new Table("padlocks", "Security classification of the findings", List.of("Rating", "Design", "Power",
                "Attrition", "Initial score", "Adjust", "Final score"), body,
                List.of("Rule table " + rules.version() + " (" + rules.source() + "). Attrition is measured from allocation"
                        + " to analysis."));
        return new Section("security", "Security rating", paras, List.of(t), List.of());
    }

    private static String reason(PadlockRating r, String kind) {
        return r.reasons().stream().filter(x -> x.startsWith(kind)).findFirst().orElse("n/a");
    }

    private static String powerText(PadlockRules rules, int score) {
        List<PadlockRules.PowerBand> b = rules.power();
        for (int i = 0; i < b.size(); i++) {
            if (b.get(i).score() == score) {
                return b.get(i).below() != null ? "MDES < " + plain(b.get(i).below()) : "MDES >= " + plain(b.get(i - 1).below());
            }
        }
        return "";
    }

    private static String attritionText(PadlockRules rules, int score) {
        List<PadlockRules.AttritionBand> b = rules.attrition();
        for (int i = 0; i < b.size(); i++) {
            if (b.get(i).score() == score) {
                if (b.get(i).max() == null) {
                    return "over " + plain(b.get(i - 1).max()) + "%";
                }
                double lo = i == 0 ? 0 : b.get(i - 1).max() + 1;
                return plain(lo) + "-" + plain(b.get(i).max()) + "%";
            }
        }
        return "";
    }

    /** Compliance tables of seed 003 Tables 11 and 12. */
    static Section compliance(ComplianceSummary c) {
        List<Table> tables = new ArrayList<>();
        tables.add(countTable("compliance-schools", "School-level compliance", "Treated schools' compliance",
                "Treated schools N", c.schoolCounts(), c.rulesVersion()));
        if (!c.clusters().isEmpty()) {
            tables.add(countTable("compliance-clusters", "Cluster-level compliance", "Cluster-level treated schools' compliance",
                    "Clusters N", c.clusterCounts(), c.rulesVersion()));
        }
        return new Section("compliance", "Compliance", List.of(), tables, List.of());
    }

    private static Table countTable(String id, String caption, String first, String n, List<ComplianceSummary.Count> counts,
                                    String version) {
        List<List<Cell>> body = new ArrayList<>();
        for (ComplianceSummary.Count k : counts) {
            body.add(List.of(Cell.text(cap(k.category())), Cell.count(k.n()), Cell.count(k.percentRounded())));
        }
        int total = counts.stream().mapToInt(ComplianceSummary.Count::n).sum();
        body.add(List.of(Cell.text("Total"), Cell.count(total), Cell.count(total == 0 ? 0 : 100)));
        return new Table(id, caption, List.of(first, n, "%"), body, List.of("Categories by the compliance rule set "
                + version + "; percentages are whole numbers summing to 100 (largest remainder)."));
    }

    private static String es(AnalysisRow a) {
        return Double.isNaN(a.effectSize()) ? "not estimated" : two(a.effectSize()) + " (" + two(a.effectSizeCiLow()) + "; "
                + two(a.effectSizeCiHigh()) + ")";
    }

    /** Two decimals without a negative zero ("-0.00" reads as a negative effect). */
    static String two(double v) {
        String s = String.format(Locale.ROOT, "%.2f", v);
        return s.equals("-0.00") ? "0.00" : s;
    }

    private static Cell months(AnalysisRow a, int basis) {
        return new Cell(a.months() == null ? "" : Integer.toString(a.months()), Double.NaN, -1, basis, false);
    }

    private static String cap(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** A plan number as written: 1 rather than 1.0. */
    static String plain(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
