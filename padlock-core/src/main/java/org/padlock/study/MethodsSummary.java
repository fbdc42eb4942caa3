package org.padlock.study;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.padlock.data.Hashing;
import org.padlock.data.MissingPolicy;
import org.padlock.design.DesignResult;
import org.padlock.design.MatchSpec;
import org.padlock.report.Cell;
import org.padlock.report.Table;

/**
 * The design-and-methods summary of the report, generated from the resolved plan (the settings
 * the pipeline actually ran with, defaults included): the matching and analysis specification,
 * the outcomes and how each effect size is standardised, the footnote on standardisation, and
 * the plan and runtime rows of the reproducibility appendix. It states settings; it computes
 * no statistic.
 */
final class MethodsSummary {
    private MethodsSummary() {
    }

    /** The specification as run: one row per setting. */
    static Table specification(ResolvedPlan rp, DesignResult d) {
        MatchSpec m = rp.match();
        StudyPlan p = rp.plan();
        List<List<Cell>> rows = new ArrayList<>();
        row(rows, "Design", rp.pupilLevel() ? "pupil-level outcomes, propensity-score-matched comparison schools"
                : "school-level two-period difference-in-differences in a matched sample");
        row(rows, "Treatment indicator", p.treatment());
        row(rows, "Comparison pool", p.pool() == null ? "all non-treated schools" : "non-treated schools with " + p.pool() + " = 1");
        row(rows, "Propensity score model", m.link().name().toLowerCase(Locale.ROOT) + " regression of treatment on "
                + String.join(", ", m.covariates()) + (m.factors().isEmpty() ? "" : " (categorical: " + String.join(", ", m.factors()) + ")"));
        row(rows, "Matching distance", m.distance() == MatchSpec.Distance.PS ? "propensity score" : "logit of the propensity score");
        row(rows, "Neighbours per treated school", Integer.toString(m.ratio()) + (m.replace() ? ", with replacement" : ", without replacement"));
        row(rows, "Caliper", Double.isNaN(m.caliper()) ? "none" : String.format(Locale.ROOT, "%s %s (%.4f in distance units)",
                fmt(m.caliper()), m.caliperScale() == MatchSpec.CaliperScale.SD ? "SD of the distance" : "raw units",
                d.sample().caliperWidth()));
        row(rows, "Exact matching on", m.exact().isEmpty() ? "none" : String.join(", ", m.exact()));
        row(rows, "Common support", "discard " + m.discard().name().toLowerCase(Locale.ROOT));
        row(rows, "Matching order", m.order().name().toLowerCase(Locale.ROOT));
        row(rows, "Weights", m.weights() == MatchSpec.WeightConvention.MATCHIT ? "MatchIt (control weights rescaled to mean 1)"
                : "psmatch2 _weight (unscaled)");
        if (rp.pupilLevel()) {
            row(rows, "Pupil-level covariates", rp.pupilCovariates().isEmpty() ? "none" : String.join(", ", rp.pupilCovariates()));
        }
        row(rows, "School-level covariates", rp.schoolCovariates().isEmpty() ? "none" : String.join(", ", rp.schoolCovariates()));
        row(rows, "Outcome model", rp.pupilLevel() ? "weighted least squares of the outcome on treatment and covariates"
                : "weighted least squares of the change (post minus pre) on treatment and covariates");
        row(rows, "Standard errors", switch (rp.se()) {
            case "cr1" -> "cluster-robust CR1 (Stata vce(cluster)), t(G-1) reference distribution";
            case "hc1" -> "heteroskedasticity-robust HC1";
            default -> "classical";
        });
        row(rows, "Missing covariates", rp.missing() == MissingPolicy.INDICATOR
                ? "indicator method (0 plus a 0/1 missing flag; a missing level for factors)" : "complete cases");
        row(rows, "Missing outcomes", "not imputed; excluded and counted");
        row(rows, "Disclosure threshold", "values resting on fewer than " + rp.smallCell() + " pupils are suppressed");
        row(rows, "Seed", Long.toString(rp.seed()));
        return new Table("specification", "Design and analysis specification (from the plan, defaults filled in)",
                List.of("Setting", "Value"), rows, List.of("Generated from " + rp.planFile().getFileName()
                + "; the design stage read no outcome column."));
    }

    /** The outcomes, their roles and the standardisation of their effect sizes. */
    static Table outcomes(ResolvedPlan rp) {
        List<List<Cell>> rows = new ArrayList<>();
        for (StudyPlan.Outcome o : rp.plan().outcomes()) {
            String column = o.pre() == null ? o.column() : o.column() + " minus " + o.pre();
            rows.add(List.of(Cell.text(o.label() == null ? o.name() : o.label()), Cell.text(column),
                    Cell.text(ResolvedPlan.role(o)),
                    Cell.text(o.subset() == null ? "all" : o.subset().column() + " = " + o.subset().value()),
                    Cell.text(standardisation(rp, o))));
        }
        return new Table("outcomes", "Outcomes and effect-size standardisation", List.of("Outcome", "Column", "Role", "Rows",
                "Effect size"), rows, List.of());
    }

    /** The footnote on standardisation for an impact table showing the outcomes named {@code names}. */
    static String standardisationNote(ResolvedPlan rp, java.util.Collection<String> names) {
        java.util.Map<String, List<String>> byRule = new java.util.LinkedHashMap<>();
        for (StudyPlan.Outcome o : rp.plan().outcomes()) {
            if (names.contains(o.name())) {
                byRule.computeIfAbsent(standardisation(rp, o), k -> new ArrayList<>()).add(o.label() == null ? o.name() : o.label());
            }
        }
        List<String> parts = new ArrayList<>();
        byRule.forEach((rule, outcomes) -> parts.add(byRule.size() == 1 ? rule : rule + " (" + String.join("; ", outcomes) + ")"));
        return "Effect size: " + String.join("; ", parts) + ".";
    }

    private static String standardisation(ResolvedPlan rp, StudyPlan.Outcome o) {
        String s = o.standardise() == null ? "none" : o.standardise();
        return switch (s) {
            case "reference" -> String.format(Locale.ROOT, "outcome standardised with reference mean %s and SD %s",
                    fmt(o.referenceMean()), fmt(o.referenceSd()));
            case "sample" -> "outcome standardised to the analysis sample's mean and SD";
            default -> rp.pupilLevel() ? "coefficient divided by the outcome's SD in the analysis sample"
                    : "coefficient divided by the pre-period SD";
        };
    }

    /** Appendix rows: the plan's digest and the runtime. */
    static List<List<Cell>> reproducibility(ResolvedPlan rp) {
        return List.of(List.of(Cell.text("SHA-256 of the plan (" + rp.planFile().getFileName() + ")"),
                        Cell.text(Hashing.sha256(rp.planFile()))),
                List.of(Cell.text("Java runtime"), Cell.text(System.getProperty("java.version") + " ("
                        + System.getProperty("java.vendor") + ")")));
    }

    private static void row(List<List<Cell>> rows, String k, String v) {
        rows.add(List.of(Cell.text(k), Cell.text(v)));
    }

    private static String fmt(Double v) {
        if (v == null) {
            return "?";
        }
        return v == Math.rint(v) ? Long.toString(v.longValue()) : Double.toString(v);
    }
}
