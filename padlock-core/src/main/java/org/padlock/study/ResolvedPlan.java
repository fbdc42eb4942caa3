package org.padlock.study;

import java.nio.file.Path;
import java.util.List;
import org.padlock.data.MissingPolicy;
import org.padlock.design.Link;
import org.padlock.design.MatchSpec;

/**
 * A study plan checked and completed with defaults: the form the pipeline runs.
 *
 * @param plan      the plan as written
 * @param planFile  where it was read from (relative paths resolve against its folder)
 * @param pupilLevel whether the analysis is at pupil level (seed 000) or school level (seed 003)
 * @param match     the matching specification
 * @param missing   handling of missing covariates in outcome models
 * @param se        covariance estimator label: classical, hc1, cr1, cr2 or wild
 * @param smallCell disclosure threshold (pupils)
 */
public record ResolvedPlan(StudyPlan plan, Path planFile, boolean pupilLevel, MatchSpec match, MissingPolicy missing,
                           String se, int smallCell, long seed) {

    /** Resolves a path of the plan against the plan's folder. */
    public Path resolve(String file) {
        Path p = Path.of(file);
        if (p.isAbsolute()) {
            return p;
        }
        Path dir = planFile.toAbsolutePath().getParent();
        return dir.resolve(p).normalize();
    }

    /** Checks a plan's values and fills in defaults (in one place: {@link PlanDefaults}). */
    public static ResolvedPlan of(StudyPlan plan, Path planFile) {
        String label = planFile.getFileName().toString();
        boolean pupil = switch (plan.design()) {
            case "pupil-matched" -> true;
            case "school-did" -> false;
            default -> throw new PlanException(label + ": design must be pupil-matched or school-did; found \""
                    + plan.design() + "\"");
        };
        if (plan.padlock() != null && plan.padlock() != 1) {
            throw new PlanException(label + ": padlock (plan format version) must be 1; found " + plan.padlock());
        }
        if (pupil && plan.data().pupils() == null) {
            throw new PlanException(label + ": data.pupils is required for design pupil-matched");
        }
        if (pupil && plan.data().pupils().school() == null) {
            throw new PlanException(label + ": data.pupils.school (the pupil table's school key) is required");
        }
        if (plan.outcomes().isEmpty()) {
            throw new PlanException(label + ": outcomes must list at least one outcome");
        }
        long primaries = plan.outcomes().stream().filter(o -> "primary".equals(role(o))).count();
        if (primaries != 1) {
            throw new PlanException(label + ": outcomes must have exactly one with role primary; found " + primaries);
        }
        java.util.Set<String> names = new java.util.HashSet<>();
        for (int i = 0; i < plan.outcomes().size(); i++) {
            StudyPlan.Outcome o = plan.outcomes().get(i);
            String at = label + ": outcomes[" + i + "] (" + o.name() + ")";
            if (!names.add(o.name())) {
                throw new PlanException(at + ": outcome names must be unique; '" + o.name() + "' repeats");
            }
            if (!List.of("primary", "secondary", "year1").contains(role(o))) {
                throw new PlanException(at + ".role must be primary, secondary or year1; found \"" + o.role() + "\"");
            }
            String st = o.standardise() == null ? "none" : o.standardise();
            if (!List.of("none", "sample", "reference").contains(st)) {
                throw new PlanException(at + ".standardise must be none, sample or reference; found \"" + st + "\"");
            }
            if (st.equals("reference") && (o.referenceMean() == null || o.referenceSd() == null || !(o.referenceSd() > 0))) {
                throw new PlanException(at + ": standardise: reference needs reference_mean and reference_sd > 0");
            }
            if (!pupil && o.pre() == null) {
                throw new PlanException(at + ".pre (the pre-period column) is required for design school-did");
            }
            if (o.panel() != null) {
                if (pupil) {
                    throw new PlanException(at + ".panel is only for design school-did");
                }
                try {
                    PanelTrends.periods(o);
                } catch (IllegalArgumentException e) {
                    throw new PlanException(at + ".panel: " + e.getMessage());
                }
            }
        }
        StudyPlan.Matching m = plan.matching();
        MatchSpec spec;
        try {
            spec = new MatchSpec(m.covariates(), m.factors(), m.exact(),
                    MatchSpec.parse(Link.class, or(m.psModel(), PlanDefaults.PS_MODEL), "matching.ps_model"),
                    MatchSpec.parse(MatchSpec.Distance.class, or(m.distance(), PlanDefaults.DISTANCE), "matching.distance"),
                    m.ratio() == null ? PlanDefaults.RATIO : m.ratio(),
                    m.replace() != null && m.replace(),
                    m.caliper() == null ? Double.NaN : m.caliper(),
                    MatchSpec.parse(MatchSpec.CaliperScale.class, or(m.caliperScale(), PlanDefaults.CALIPER_SCALE),
                            "matching.caliper_scale"),
                    MatchSpec.parse(MatchSpec.Discard.class, or(m.discard(), PlanDefaults.DISCARD), "matching.discard"),
                    MatchSpec.parse(MatchSpec.Order.class, or(m.order(), "mahalanobis".equals(m.distance()) ? "data"
                            : PlanDefaults.ORDER), "matching.order"),
                    plan.seed() == null ? PlanDefaults.SEED : plan.seed(),
                    MatchSpec.parse(MatchSpec.WeightConvention.class, or(m.weights(), PlanDefaults.WEIGHTS), "matching.weights"))
                    .withMethod(MatchSpec.parse(MatchSpec.Method.class, or(m.method(), PlanDefaults.METHOD), "matching.method"),
                            m.mahvars(),
                            MatchSpec.parse(MatchSpec.Kernel.class, or(m.kernel(), PlanDefaults.KERNEL), "matching.kernel"),
                            m.bandwidth() == null ? MatchSpec.DEFAULT_BANDWIDTH : m.bandwidth(),
                            m.ties() != null && m.ties(), m.maxReuse() == null ? 0 : m.maxReuse());
        } catch (IllegalArgumentException e) {
            throw new PlanException(label + ": matching: " + e.getMessage());
        }
        StudyPlan.Analysis a = plan.analysis();
        String missing = a == null || a.missing() == null ? PlanDefaults.MISSING : a.missing();
        MissingPolicy mp = switch (missing) {
            case "indicator" -> MissingPolicy.INDICATOR;
            case "drop" -> MissingPolicy.DROP;
            default -> throw new PlanException(label + ": analysis.missing must be indicator or drop; found \"" + missing + "\"");
        };
        String se = a == null || a.se() == null ? PlanDefaults.SE : a.se();
        if (!List.of("classical", "hc1", "cr1", "cr2", "wild").contains(se)) {
            throw new PlanException(label + ": analysis.se must be classical, hc1, cr1, cr2 or wild; found \"" + se + "\"");
        }
        if (a != null && a.bootstrapReps() != null && a.bootstrapReps() < 1) {
            throw new PlanException(label + ": analysis.bootstrap_reps must be >= 1; found " + a.bootstrapReps());
        }
        if (a != null && a.bootstrapWeights() != null && !List.of("rademacher", "webb").contains(a.bootstrapWeights())) {
            throw new PlanException(label + ": analysis.bootstrap_weights must be rademacher or webb; found \""
                    + a.bootstrapWeights() + "\"");
        }
        if (a != null && a.randomisationReps() != null && a.randomisationReps() < 1) {
            throw new PlanException(label + ": analysis.randomisation_inference must be >= 1; found " + a.randomisationReps());
        }
        if (a != null && a.commonSampleOutcomes() != null) {
            for (String n : a.commonSampleOutcomes()) {
                if (!names.contains(n)) {
                    throw new PlanException(label + ": analysis.common_sample_outcomes names an unknown outcome \"" + n + "\"");
                }
            }
        }
        int cell = plan.report() == null || plan.report().smallCellThreshold() == null ? PlanDefaults.SMALL_CELL
                : plan.report().smallCellThreshold();
        if (cell < 1) {
            throw new PlanException(label + ": report.small_cell_threshold must be >= 1; found " + cell);
        }
        return new ResolvedPlan(plan, planFile, pupil, spec, mp, se, cell, plan.seed() == null ? PlanDefaults.SEED : plan.seed());
    }

    /** An outcome's role; {@code secondary} when not given. */
    static String role(StudyPlan.Outcome o) {
        return o.role() == null ? "secondary" : o.role();
    }

    private static String or(String v, String d) {
        return v == null ? d : v;
    }

    /** Pupil covariates of the outcome model. */
    public List<String> pupilCovariates() {
        return plan.analysis() == null ? List.of() : plan.analysis().pupilCovariates();
    }

    /** School covariates of the outcome model. */
    public List<String> schoolCovariates() {
        return plan.analysis() == null ? List.of() : plan.analysis().schoolCovariates();
    }

    /** Columns to treat as categorical in the outcome model. */
    public List<String> analysisFactors() {
        return plan.analysis() == null ? List.of() : plan.analysis().factors();
    }
}
