package org.padlock.study;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.padlock.Version;
import org.padlock.balance.BalanceRow;
import org.padlock.design.DesignResult;
import org.padlock.design.FrozenDesign;
import org.padlock.design.MatchSpec;
import org.padlock.design.MatchedSample;
import org.padlock.eef.CostResult;
import org.padlock.eef.CostSpec;
import org.padlock.report.Cell;
import org.padlock.report.Figure;
import org.padlock.report.ReportModel;
import org.padlock.report.Section;
import org.padlock.report.Table;

/**
 * Builds the report model of a study run in the seeds' layouts (000 Tables 4-10 and 12-13, 003
 * Table 10; the evaluation-layer sections come from {@link EvaluationReport}). It arranges and labels results; it computes nothing new.
 */
final class ReportBuilder {
    private ReportBuilder() {
    }

    /** @param surveys the plan's surveys ({@link SurveySections#load}), {@code null} without any */
    static ReportModel build(ResolvedPlan rp, StudyInputs in, DesignResult d, FrozenDesign frozen, List<AnalysisRow> rows,
                             List<CostResult> costs, Evaluation ev, SurveySections.Loaded surveys) {
        StudyPlan p = rp.plan();
        String title = p.report() != null && p.report().title() != null ? p.report().title() : p.name();
        List<Section> s = new ArrayList<>();
        s.add(EvaluationReport.summary(rp, ev, rows, costs));
        s.add(methods(rp, d));
        s.add(EvaluationReport.flow(rp, ev));
        s.add(EvaluationReport.mdes(rp, ev));
        s.add(balance(d));
        s.add(BaselineTables.section(rp, in, frozen));
        s.add(impact(rp, rows)); // seed 000 order: Tables 6-10 (primary, secondary, year 1, on-treatment, subgroups)
        if (!costs.isEmpty()) {
            s.add(cost(rp, costs));
        }
        if (ev.compliance() != null) {
            s.add(EvaluationReport.compliance(ev.compliance()));
        }
        s.addAll(SurveySections.build(rp, in, surveys));
        s.add(EvaluationReport.security(rp, ev)); // seed 000 Appendix B, after the cost and process sections
        s.add(appendix(rp, in, d, frozen));
        String subtitle = (rp.pupilLevel() ? "Pupil-level analysis with a propensity-score-matched comparison group of schools"
                : "School-level matched difference-in-differences") + " · padlock " + Version.VERSION;
        return new ReportModel(title, subtitle, s, rp.smallCell(), false);
    }

    private static Section methods(ResolvedPlan rp, DesignResult d) {
        MatchSpec m = d.spec();
        StudyPlan p = rp.plan();
        List<String> paras = new ArrayList<>();
        paras.add(String.format(Locale.ROOT, "Comparison schools were chosen before any outcome was read (outcome-blind"
                        + " design stage). A %s propensity score model of treatment on %s was fitted to %d schools;"
                        + " each treated school was matched to %d nearest comparison school%s %s replacement on the %s%s%s%s,"
                        + " treated schools in %s order. Common support: discard %s.",
                m.link().name().toLowerCase(Locale.ROOT), String.join(", ", m.covariates()),
                d.sample().size(), m.ratio(), m.ratio() > 1 ? "s" : "", m.replace() ? "with" : "without",
                org.padlock.design.MatchDescription.distanceLabel(m),
                Double.isNaN(m.caliper()) ? "" : String.format(Locale.ROOT, ", within a caliper of %s %s (%.4f in distance units)",
                        EvaluationReport.plain(m.caliper()), m.caliperScale() == MatchSpec.CaliperScale.SD ? "SD of the distance" : "raw units",
                        d.sample().caliperWidth()),
                m.exact().isEmpty() ? "" : ", exactly on " + String.join(", ", m.exact()),
                p.cluster() == null ? "" : "; each treated school's " + p.cluster() + " is carried to its matches and used as"
                        + " the cluster", m.order().name().toLowerCase(Locale.ROOT), m.discard().name().toLowerCase(Locale.ROOT)));
        if (!org.padlock.design.MatchDescription.methodNote(m).isEmpty()) {
            paras.add(org.padlock.design.MatchDescription.methodNote(m));
        }
        paras.add("Weights: " + (m.weights() == MatchSpec.WeightConvention.MATCHIT
                ? "treated 1; a control's weight is the sum over the treated schools it serves of 1/(their number of matches),"
                + " rescaled to mean 1 among matched controls (MatchIt)."
                : "treated 1; a control's weight is the sum over the treated schools it serves of 1/(their number of matches)"
                + " (psmatch2 _weight)."));
        if (rp.pupilLevel()) {
            paras.add("Impact: pupil-level weighted least squares of each outcome on treatment, pupil covariates ("
                    + String.join(", ", rp.pupilCovariates()) + ") and school covariates ("
                    + String.join(", ", rp.schoolCovariates()) + "), with the matching weights; " + seText(rp.se()) + ".");
        } else {
            paras.add("Impact: two-period difference-in-differences: the change in each school's outcome (post minus pre) is"
                    + " regressed on treatment" + (rp.schoolCovariates().isEmpty() ? "" : " and " + String.join(", ",
                    rp.schoolCovariates())) + " in the matched sample, with the matching weights; this equals the two-way"
                    + " fixed-effects estimate; " + seText(rp.se()) + ".");
        }
        paras.add("Missing covariates: " + (rp.missing() == org.padlock.data.MissingPolicy.INDICATOR
                ? "indicator method (set to 0 with a 0/1 missing flag; a missing category for factors)."
                : "complete cases.") + " Missing outcomes are not imputed; those units are excluded and counted.");
        paras.add("Disclosure control: every count or statistic resting on fewer than " + rp.smallCell()
                + " pupils is suppressed in every table, figure and file; pupil identifiers never leave the pipeline.");
        return new Section("methods", "Design and methods", paras, List.of(MethodsSummary.specification(rp, d),
                MethodsSummary.outcomes(rp)), List.of());
    }

    private static String seText(String se) {
        return switch (se) {
            case "cr1" -> "standard errors clustered (CR1, Stata's vce(cluster)) with t(G-1) inference";
            case "hc1" -> "heteroskedasticity-robust (HC1) standard errors";
            case "cr2" -> "cluster-robust CR2 standard errors (Bell-McCaffrey, as R clubSandwich) with Satterthwaite degrees of freedom";
            case "wild" -> "p-values and confidence intervals from the restricted wild cluster bootstrap (CR1 t statistic)";
            default -> "classical standard errors";
        };
    }

    private static Section balance(DesignResult d) {
        List<List<Cell>> body = new ArrayList<>();
        List<String> vars = new ArrayList<>();
        double[] before = new double[d.balance().rows().size()];
        double[] after = new double[before.length];
        int k = 0;
        for (BalanceRow r : d.balance().rows()) {
            body.add(List.of(Cell.text(r.variable()), Cell.number(r.meanTreated(), 3), Cell.number(r.meanControlBefore(), 3),
                    Cell.number(r.meanControlAfter(), 3), Cell.number(r.smdBefore(), 3), Cell.number(r.smdAfter(), 3),
                    Cell.number(r.pctBiasBefore(), 1), Cell.number(r.pctBiasAfter(), 1),
                    Cell.number(r.varianceRatioAfter(), 2)));
            vars.add(r.variable());
            before[k] = Math.abs(r.smdBefore());
            after[k++] = Math.abs(r.smdAfter());
        }
        Table t = new Table("balance", "Baseline balance of school covariates, before and after matching",
                List.of("Variable", "Mean, intervention", "Mean, pool", "Mean, matched comparison", "SMD before", "SMD after",
                        "% bias before", "% bias after", "Variance ratio after"), body,
                List.of("SMD: MatchIt's ATT standardised mean difference (treated SD). % bias: pstest, with unmatched"
                        + " variances in the denominator both before and after matching.",
                        String.format(Locale.ROOT, "Mean |%% bias|: %.1f before, %.1f after; median |%% bias|: %.1f before, %.1f after.",
                                d.balance().meanAbsPctBiasBefore(), d.balance().meanAbsPctBiasAfter(),
                                d.balance().medianAbsPctBiasBefore(), d.balance().medianAbsPctBiasAfter())));
        Figure love = new Figure.Love("love-plot", "Absolute standardised mean differences",
                "Dot plot of the absolute standardised difference of each covariate before matching (open) and after"
                        + " matching (filled); after matching the largest is " + String.format(Locale.ROOT, "%.3f",
                        Arrays.stream(after).filter(x -> !Double.isNaN(x)).max().orElse(Double.NaN)) + ".",
                vars, before, after);
        MatchedSample m = d.sample();
        double[] ps = m.pscore();
        int bins = 20;
        double[] edges = new double[bins + 1];
        for (int i = 0; i <= bins; i++) {
            edges[i] = i / (double) bins;
        }
        int[] ht = new int[bins];
        int[] hc = new int[bins];
        int[] tr = m.treated();
        for (int i = 0; i < ps.length; i++) {
            int b = Math.min(bins - 1, (int) Math.floor(ps[i] * bins));
            if (tr[i] == 1) {
                ht[b]++;
            } else {
                hc[b]++;
            }
        }
        Figure overlap = new Figure.Overlap("ps-overlap", "Propensity score distributions by arm (all units)",
                "Histogram of the estimated propensity scores of treated and comparison units on 20 equal bins from 0 to 1;"
                        + " overlap shows where matching is possible.", edges, ht, hc);
        List<Table> tables = d.balance().summary() == null ? List.of(t) : List.of(t, BaselineTables.pstestSummary(d));
        return new Section("balance", "Baseline balance", List.of(), tables, List.of(love, overlap));
    }

    private static Section impact(ResolvedPlan rp, List<AnalysisRow> rows) {
        List<Table> tables = new ArrayList<>();
        String[][] groups = {{"primary", "Primary analysis"}, {"secondary", "Secondary outcomes"},
                {"year1", "Secondary analysis (end of year 1)"}, {"on-treatment", "Primary analysis (on-treatment)"},
                {"subgroup", "Primary outcome: subgroup analysis"},
                {"random-effects", "Sensitivity analysis (school-level random effects)"},
                {"interaction", "Primary outcome: treatment x subgroup interaction"},
                {"common-sample", "Sensitivity analysis (common sample)"}};
        String se = seText(rp.se());
        List<String> notes = new ArrayList<>(List.of(Character.toUpperCase(se.charAt(0)) + se.substring(1) + ".",
                "Matching weights are applied to the comparison"
                + " group.", "Raw means are unweighted with t-based 95% intervals; n (missing) counts "
                + (rp.pupilLevel() ? "pupils" : "schools") + " with and without the outcome.",
                "Cells resting on fewer than " + rp.smallCell() + " pupils are suppressed (shown as 'suppressed')."));
        if (rp.pupilLevel()) {
            notes.add("Pupil-level controls: " + String.join(", ", rp.pupilCovariates()) + ". School-level controls: "
                    + String.join(", ", rp.schoolCovariates()) + ".");
        }
        List<String> labels = new ArrayList<>();
        List<double[]> est = new ArrayList<>();
        List<Integer> basis = new ArrayList<>();
        for (String[] g : groups) {
            List<List<Cell>> body = new ArrayList<>();
            for (AnalysisRow a : rows) {
                if (!a.group().equals(g[0])) {
                    continue;
                }
                int b1 = rp.pupilLevel() ? a.intervention().n() : -1;
                int b0 = rp.pupilLevel() ? a.control().n() : -1;
                body.add(List.of(Cell.text(a.label()),
                        nMissingCell(a.intervention(), b1, rp.smallCell()),
                        new Cell(ci(a.intervention().mean(), a.intervention().ciLow(), a.intervention().ciHigh()), Double.NaN, -1, b1, false),
                        nMissingCell(a.control(), b0, rp.smallCell()),
                        new Cell(ci(a.control().mean(), a.control().ciLow(), a.control().ciHigh()), Double.NaN, -1, b0, false),
                        Cell.text((a.modelSchoolsIntervention() + a.modelSchoolsControl()) + " (" + a.modelSchoolsIntervention()
                                + "; " + a.modelSchoolsControl() + ")"),
                        esCell(a, modelBasis(rp, a)), Cell.number(a.pValue(), 3, modelBasis(rp, a))));
                labels.add(g[1] + ": " + a.label());
                est.add(new double[] {a.effectSize(), a.effectSizeCiLow(), a.effectSizeCiHigh()});
                basis.add(modelBasis(rp, a));
            }
            if (!body.isEmpty()) {
                List<String> n = new ArrayList<>(notes);
                n.add(1, MethodsSummary.standardisationNote(rp, rows.stream().filter(a -> a.group().equals(g[0]))
                        .map(AnalysisRow::name).toList()));
                rows.stream().filter(a -> a.group().equals(g[0])).flatMap(a -> a.diagnostics().stream().map(x -> a.label() + ": " + x))
                        .distinct().forEach(n::add);
                boolean onTreatment = g[0].equals("on-treatment");
                if (onTreatment) {
                    n.addAll(onTreatmentNotes(rp));
                }
                tables.add(new Table("impact-" + g[0], g[1], List.of(onTreatment ? "Analysis (primary outcome)" : "Outcome",
                        "Intervention n (missing)",
                        "Intervention mean (95% CI)", "Control n (missing)", "Control mean (95% CI)",
                        "n schools in model (intervention; control)", "Effect size (95% CI)", "p-value"), body, n));
            }
        }
        double[] e = new double[est.size()];
        double[] lo = new double[est.size()];
        double[] hi = new double[est.size()];
        int[] b = new int[est.size()];
        for (int i = 0; i < e.length; i++) {
            e[i] = est.get(i)[0];
            lo[i] = est.get(i)[1];
            hi[i] = est.get(i)[2];
            b[i] = basis.get(i);
        }
        Figure forest = new Figure.Forest("forest", "Effect sizes with 95% confidence intervals",
                "Forest plot of " + e.length + " effect sizes with their 95% confidence intervals; the vertical line marks no"
                        + " effect.", labels, e, lo, hi, b);
        return new Section("impact", "Impact estimates", List.of(), tables, List.of(forest));
    }

    private static Section cost(ResolvedPlan rp, List<CostResult> costs) {
        List<Table> tables = new ArrayList<>();
        tables.add(costSummary(rp.plan().cost(), costs.get(0)));
        for (CostResult c : costs) {
            List<List<Cell>> body = new ArrayList<>();
            for (CostResult.Row r : c.programmes()) {
                body.add(List.of(Cell.text(r.name()), Cell.text(gbp(r.costPerParticipantPerYear())),
                        Cell.text(gbp(r.costPerSchool())), Cell.text(gbp(r.costPerPupil())), Cell.text("")));
            }
            body.add(List.of(Cell.text("Total"), Cell.text(""), Cell.text(gbp(c.costPerSchoolHorizon())),
                    Cell.text(gbp(c.costPerPupilHorizon())), Cell.text(gbp(c.costPerPupilPerYear()))));
            String who = c.perspective().equals("school") ? "the schools' perspective" : "the schools' and government's perspective";
            tables.add(new Table("cost-" + c.perspective(), "Cost per pupil per year from " + who,
                    List.of("Item", "Cost per participant per year", "Average total cost over 3 years",
                            "Average total cost per pupil over 3 years", "Average total cost per pupil per year"), body,
                    List.of("Cost per participant per year from " + who + ". A programme's average total cost over 3 years"
                                    + " is its cost per participant per year x the years it runs (within the 3) x the average"
                                    + " number of participants per school; per pupil it is divided by the average number of"
                                    + " pupils per school (" + EvaluationReport.plain(rp.plan().cost().pupilsPerSchool())
                                    + "), per pupil per year also by 3.",
                            "Cost rating: " + c.rating() + ". " + (Math.round(c.minCostPerSchool() * 100) == Math.round(
                                    c.maxCostPerSchool() * 100) ? "Every school has the same cost over three years, "
                                    + gbp(c.minCostPerSchool()) + " (the plan gives average participants per school)."
                                    : "Cost per school over three years ranges from " + gbp(c.minCostPerSchool()) + " to "
                                    + gbp(c.maxCostPerSchool()) + "."))));
        }
        CostResult c = costs.get(0);
        List<List<Cell>> staff = new ArrayList<>();
        for (CostResult.Row r : c.programmes()) {
            staff.add(List.of(Cell.text(r.name()), Cell.number(r.daysInPerParticipant(), 1), Cell.number(r.daysInPerSchool(), 1),
                    Cell.number(r.daysOutPerParticipant(), 1), Cell.number(r.daysOutPerSchool(), 1)));
        }
        staff.add(List.of(Cell.text("Total"), Cell.text(""), Cell.number(c.staffDaysInSchool(), 1), Cell.text(""),
                Cell.number(c.staffDaysOutOfSchool(), 1)));
        tables.add(new Table("staff-time", "Staff time (days of 7.5 hours)", List.of("Item",
                "In-school days per participant per year", "Average in-school days over 3 years",
                "Out-of-school days per participant per year", "Average out-of-school days over 3 years"), staff,
                List.of("Staff time is reported, not costed (EEF guidance).")));
        return new Section("cost", "Cost", List.of(), tables, List.of());
    }

    private static Section appendix(ResolvedPlan rp, StudyInputs in, DesignResult d, FrozenDesign frozen) {
        List<List<Cell>> body = new ArrayList<>();
        body.add(List.of(Cell.text("Plan"), Cell.text(rp.planFile().getFileName().toString())));
        body.add(List.of(Cell.text("padlock version"), Cell.text(Version.VERSION)));
        body.add(List.of(Cell.text("Seed"), Cell.text(Long.toString(rp.seed()))));
        body.add(List.of(Cell.text("Design frozen at"), Cell.text(frozen.frozenAt())));
        body.add(List.of(Cell.text("Design columns SHA-256"), Cell.text(frozen.designContentSha256())));
        in.hashes().forEach((f, h) -> body.add(List.of(Cell.text("SHA-256 of " + f), Cell.text(h))));
        body.addAll(MethodsSummary.reproducibility(rp));
        Table t = new Table("reproducibility", "Reproducibility", List.of("Item", "Value"), body,
                List.of("The same plan, data and seed give a byte-identical results.json."));
        List<List<Cell>> ps = new ArrayList<>();
        double[] b = d.propensity().coefficients();
        double[] se = d.propensity().stdErrors();
        for (int j = 0; j < b.length; j++) {
            ps.add(List.of(Cell.text(d.propensity().names().get(j)), Cell.number(b[j], 4), Cell.number(se[j], 4)));
        }
        List<String> notes = new ArrayList<>();
        notes.add(String.format(Locale.ROOT, "Log-likelihood %.3f; McFadden pseudo-R2 %.3f; %d iterations%s.",
                d.propensity().logLik(), d.propensity().pseudoR2(), d.propensity().iterations(),
                d.propensity().converged() ? "" : " (not converged)"));
        notes.addAll(d.sample().diagnostics());
        Table pt = new Table("propensity", "Propensity score model", List.of("Term", "Coefficient", "Standard error"), ps, notes);
        return new Section("appendix", "Appendix: reproducibility and propensity model", List.of(), List.of(t, pt), List.of());
    }

    /**
     * Seed 000 Table 12a: per programme, the total cost to the school per participant (cost per year x
     * duration), total staff days per participant (of which in school) and the average number of
     * participants per school. {@code r} is the schools'-perspective result of {@code spec}, its rows
     * in the plan's programme order.
     */
    static Table costSummary(CostSpec spec, CostResult r) {
        List<List<Cell>> body = new ArrayList<>();
        for (int i = 0; i < spec.programmes().size(); i++) {
            CostSpec.Programme p = spec.programmes().get(i);
            CostResult.Row row = r.programmes().get(i);
            double years = p.durationYears();
            body.add(List.of(Cell.text(p.name()), Cell.text(gbp(row.costPerParticipantPerYear() * years).replace(".00", "")),
                    Cell.text(String.format(Locale.ROOT, "%.1f (%.1f)",
                            (row.daysInPerParticipant() + row.daysOutPerParticipant()) * years, row.daysInPerParticipant() * years)),
                    Cell.number(row.participants(), 1)));
        }
        return new Table("cost-summary", "Summary of costs and staff time", List.of("Item",
                "Total cost to the school per participant", "Total staff days per participant (of which in school)",
                "Average number of participants per school"), body, List.of("Per participant over the programme's"
                + " duration (cost per participant per year x years); staff days of 7.5 hours."));
    }

    /**
     * What each on-treatment row selects (plan {@code on_treatment}): treated schools of the matched
     * sample meeting the rule, against all or only their matched comparison schools. The selection is
     * among the matched treated schools, so its counts can be below a compliance table's, which counts
     * every treated school.
     */
    static List<String> onTreatmentNotes(ResolvedPlan rp) {
        List<String> out = new ArrayList<>();
        for (StudyPlan.OnTreatment ot : rp.plan().onTreatment()) {
            out.add(String.format(Locale.ROOT, "%s: treated schools of the matched sample with %s >= %s, against %s.", ot.name(),
                    ot.column(), EvaluationReport.plain(ot.min()), "matched".equals(ot.comparators())
                            ? "only the comparison schools matched to them" : "all matched comparison schools"));
        }
        out.add("On-treatment analyses select among the treated schools of the frozen matched sample; treated schools the"
                + " matching left out are not analysed, so counts can be below those of the compliance tables.");
        return out;
    }

    /**
     * "n (missing)" of an arm. At pupil level a missing count of 1 to threshold-1 pupils is a small
     * cell of its own: it is shown as "(< threshold)" while n (its own basis) stays readable.
     */
    static Cell nMissingCell(ArmSummary arm, int basis, int threshold) {
        int m = arm.missing();
        String missing = basis >= 0 && m > 0 && m < threshold ? "< " + threshold : Integer.toString(m);
        return new Cell(arm.n() + " (" + missing + ")", Double.NaN, -1, basis, false);
    }

    /**
     * The pupils a model statistic (estimate, effect size, interval, p-value) rests on, for
     * disclosure control: the smaller arm, since a contrast with a small arm describes that arm's
     * few pupils however large the other is (-1 at school level).
     */
    static int modelBasis(ResolvedPlan rp, AnalysisRow a) {
        return rp.pupilLevel() ? Math.min(a.intervention().n(), a.control().n()) : -1;
    }

    private static Cell esCell(AnalysisRow a, int basis) {
        String txt = Double.isNaN(a.effectSize()) ? "not estimated" : String.format(Locale.ROOT, "%.3f (%.3f; %.3f)",
                a.effectSize(), a.effectSizeCiLow(), a.effectSizeCiHigh());
        return new Cell(txt, Double.NaN, -1, basis, false);
    }

    private static String ci(double m, double lo, double hi) {
        return Double.isNaN(m) ? "" : String.format(Locale.ROOT, "%.3f (%.3f; %.3f)", m, lo, hi);
    }

    private static String gbp(double v) {
        return String.format(Locale.ROOT, "GBP %,.2f", v);
    }
}
