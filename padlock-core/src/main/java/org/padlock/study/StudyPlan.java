package org.padlock.study;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import org.padlock.eef.CostSpec;

/**
 * A study plan as written in YAML ({@code docs/study-plan.md} documents every key). Records are
 * immutable; absent optional sections are {@code null} and take their defaults in {@link PlanDefaults}.
 *
 * @param padlock    plan format version (1)
 * @param name       study name, used in the report
 * @param design     {@code pupil-matched} (seed 000) or {@code school-did} (seed 003)
 * @param seed       seed for every random choice of the run
 * @param data       input tables
 * @param treatment  0/1 treatment column of the school table
 * @param pool       optional 0/1 column of the school table: controls eligible for matching
 * @param cluster    optional cluster (partnership) column of treated schools, carried to their matches
 * @param matching   the design stage's specification
 * @param outcomes   outcomes with their role
 * @param analysis   outcome-model settings
 * @param subgroups  pupil subgroups re-analysed on their own
 * @param onTreatment school subsets of the treated arm (e.g. at least one NPQSL participant)
 * @param cost       cost inputs (ingredients model)
 * @param report     report options
 * @param evaluation evaluation-layer inputs: padlock design label, protocol MDES assumptions, downgrades, compliance
 * @param surveys    process-evaluation surveys ({@link SurveyPlan})
 * @param baseline   the baseline-characteristics tables (000 Tables 4-5, 003 Table 10); optional
 */
public record StudyPlan(@JsonProperty("padlock") Integer padlock,
                        @JsonProperty(value = "name", required = true) String name,
                        @JsonProperty(value = "design", required = true) String design,
                        @JsonProperty("seed") Long seed,
                        @JsonProperty(value = "data", required = true) Data data,
                        @JsonProperty(value = "treatment", required = true) String treatment,
                        @JsonProperty("pool") String pool,
                        @JsonProperty("cluster") String cluster,
                        @JsonProperty(value = "matching", required = true) Matching matching,
                        @JsonProperty(value = "outcomes", required = true) List<Outcome> outcomes,
                        @JsonProperty("analysis") Analysis analysis,
                        @JsonProperty("subgroups") List<Subgroup> subgroups,
                        @JsonProperty("on_treatment") List<OnTreatment> onTreatment,
                        @JsonProperty("cost") CostSpec cost,
                        @JsonProperty("report") Report report,
                        @JsonProperty("evaluation") EvaluationPlan evaluation,
                        @JsonProperty("surveys") SurveyPlan surveys,
                        @JsonProperty("baseline") Baseline baseline) {
    public StudyPlan {
        outcomes = outcomes == null ? List.of() : List.copyOf(outcomes);
        subgroups = subgroups == null ? List.of() : List.copyOf(subgroups);
        onTreatment = onTreatment == null ? List.of() : List.copyOf(onTreatment);
    }

    /** The input tables. Pupils are required for {@code pupil-matched}; outcomes may sit in a separate school table. */
    public record Data(@JsonProperty(value = "schools", required = true) Table schools,
                       @JsonProperty("pupils") Table pupils,
                       @JsonProperty("outcomes") Table outcomes,
                       @JsonProperty("dfe") Dfe dfe) {
    }

    /**
     * Department for Education files as published, built into one row per URN (as {@code padlock
     * dfe-panel}) and joined onto the school table by its id. Paths are relative to the plan.
     */
    public record Dfe(@JsonProperty("ks2") List<String> ks2,
                      @JsonProperty("ks4") List<String> ks4,
                      @JsonProperty("census") List<String> census,
                      @JsonProperty("spine") String spine,
                      @JsonProperty("gias") String gias,
                      @JsonProperty("columns") String columns) {
        public Dfe {
            ks2 = ks2 == null ? List.of() : List.copyOf(ks2);
            ks4 = ks4 == null ? List.of() : List.copyOf(ks4);
            census = census == null ? List.of() : List.copyOf(census);
        }
    }

    /** One input file, its identifier and (for pupils) the key of its school. Paths are relative to the plan. */
    public record Table(@JsonProperty(value = "file", required = true) String file,
                        @JsonProperty(value = "id", required = true) String id,
                        @JsonProperty("school") String school) {
    }

    /** Matching settings; names and values as {@code padlock match}. */
    public record Matching(@JsonProperty(value = "covariates", required = true) List<String> covariates,
                           @JsonProperty("factors") List<String> factors,
                           @JsonProperty("exact") List<String> exact,
                           @JsonProperty("ps_model") String psModel,
                           @JsonProperty("distance") String distance,
                           @JsonProperty("ratio") Integer ratio,
                           @JsonProperty("replace") Boolean replace,
                           @JsonProperty("caliper") Double caliper,
                           @JsonProperty("caliper_scale") String caliperScale,
                           @JsonProperty("discard") String discard,
                           @JsonProperty("order") String order,
                           @JsonProperty("weights") String weights,
                           @JsonProperty("method") String method,
                           @JsonProperty("mahvars") List<String> mahvars,
                           @JsonProperty("kernel") String kernel,
                           @JsonProperty("bandwidth") Double bandwidth,
                           @JsonProperty("ties") Boolean ties,
                           @JsonProperty("max_reuse") Integer maxReuse,
                           @JsonProperty("search") Search search) {
        public Matching {
            covariates = covariates == null ? List.of() : List.copyOf(covariates);
            factors = factors == null ? List.of() : List.copyOf(factors);
            exact = exact == null ? List.of() : List.copyOf(exact);
            mahvars = mahvars == null ? List.of() : List.copyOf(mahvars);
        }

        /** The covariate terms and the Mahalanobis terms (their data columns are read by the design stage). */
        public List<String> allTerms() {
            List<String> all = new java.util.ArrayList<>(covariates);
            all.addAll(mahvars);
            return all;
        }
    }

    /**
     * A specification search (seed 000): every combination of the candidate covariate sets, ratios,
     * replacement settings and calipers is matched (outcome-blind) and the one with the lowest median
     * |% bias| over {@code key_variables} is chosen; the rest of {@code matching} applies to all
     * candidates. Omitted lists take the single value of {@code matching}. A caliper of {@code null}
     * in the list means no caliper.
     */
    public record Search(@JsonProperty("covariate_sets") List<List<String>> covariateSets,
                         @JsonProperty("ratios") List<Integer> ratios,
                         @JsonProperty("replace") List<Boolean> replace,
                         @JsonProperty("calipers") List<Double> calipers,
                         @JsonProperty("distances") List<String> distances,
                         @JsonProperty(value = "key_variables", required = true) List<String> keyVariables) {
        public Search {
            covariateSets = covariateSets == null ? List.of() : covariateSets.stream().map(List::copyOf).toList();
            ratios = ratios == null ? List.of() : List.copyOf(ratios);
            replace = replace == null ? List.of() : List.copyOf(replace);
            calipers = calipers == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(calipers));
            distances = distances == null ? List.of() : List.copyOf(distances);
            keyVariables = keyVariables == null ? List.of() : List.copyOf(keyVariables);
        }
    }

    /**
     * The baseline-characteristics tables. {@code school_variables} default to the matching
     * covariates, exact-matching columns and school covariates of the analysis; {@code
     * pupil_variables} (pupil-matched) to the pupil covariates. {@code labels} name rows;
     * {@code national} gives national-level means (percentages for a 0/1 variable or a factor level
     * {@code <column>_<level>}) for 003 Table 10's national column.
     */
    public record Baseline(@JsonProperty("school_variables") List<String> schoolVariables,
                           @JsonProperty("pupil_variables") List<String> pupilVariables,
                           @JsonProperty("labels") Map<String, String> labels,
                           @JsonProperty("national") Map<String, Double> national) {
        public Baseline {
            schoolVariables = schoolVariables == null ? null : List.copyOf(schoolVariables);
            pupilVariables = pupilVariables == null ? null : List.copyOf(pupilVariables);
            labels = labels == null ? Map.of() : Map.copyOf(labels);
            national = national == null ? Map.of() : Map.copyOf(national);
        }
    }

    /**
     * An outcome. {@code column} is in the pupil table ({@code pupil-matched}) or the school/outcome
     * table ({@code school-did}, with {@code pre} the pre-period column of the school table).
     * {@code standardise}: {@code none}, {@code sample} (arm-pooled mean and SD of the analysis
     * sample) or {@code reference} (with {@code reference_mean} and {@code reference_sd}, e.g. national).
     * {@code subset} restricts the pupils (or schools) the outcome is measured on, e.g. one cohort.
     */
    public record Outcome(@JsonProperty(value = "name", required = true) String name,
                          @JsonProperty("label") String label,
                          @JsonProperty(value = "column", required = true) String column,
                          @JsonProperty("role") String role,
                          @JsonProperty("pre") String pre,
                          @JsonProperty("standardise") String standardise,
                          @JsonProperty("reference_mean") Double referenceMean,
                          @JsonProperty("reference_sd") Double referenceSd,
                          @JsonProperty("subset") Subset subset,
                          @JsonProperty("panel") java.util.Map<String, String> panel) {
    }

    /** Rows of a table whose {@code column} equals {@code value} (text comparison; numbers in shortest form). */
    public record Subset(@JsonProperty(value = "column", required = true) String column,
                         @JsonProperty(value = "value", required = true) String value) {
    }

    /** Outcome-model settings. */
    public record Analysis(@JsonProperty("pupil_covariates") List<String> pupilCovariates,
                           @JsonProperty("school_covariates") List<String> schoolCovariates,
                           @JsonProperty("factors") List<String> factors,
                           @JsonProperty("missing") String missing,
                           @JsonProperty("se") String se,
                           @JsonProperty("cluster") String cluster,
                           @JsonProperty("random_effects") Boolean randomEffects,
                           @JsonProperty("bootstrap_reps") Integer bootstrapReps,
                           @JsonProperty("bootstrap_weights") String bootstrapWeights,
                           @JsonProperty("randomisation_inference") Integer randomisationReps,
                           @JsonProperty("common_sample") Boolean commonSample,
                           @JsonProperty("common_sample_outcomes") List<String> commonSampleOutcomes) {
        public Analysis {
            pupilCovariates = pupilCovariates == null ? List.of() : List.copyOf(pupilCovariates);
            schoolCovariates = schoolCovariates == null ? List.of() : List.copyOf(schoolCovariates);
            factors = factors == null ? List.of() : List.copyOf(factors);
        }
    }

    /**
     * Pupils whose {@code column} equals {@code value}; the primary model is re-run on them. With
     * {@code interaction: true} the treatment x subgroup interaction is also tested in the full sample.
     */
    public record Subgroup(@JsonProperty(value = "name", required = true) String name,
                           @JsonProperty(value = "column", required = true) String column,
                           @JsonProperty(value = "value", required = true) String value,
                           @JsonProperty("interaction") Boolean interaction) {
    }

    /**
     * Treated schools whose school-level {@code column} is at least {@code min}, with all comparison
     * schools ({@code comparators: all}, the default) or only those matched to the selected treated
     * schools ({@code comparators: matched}; matching without replacement).
     */
    public record OnTreatment(@JsonProperty(value = "name", required = true) String name,
                              @JsonProperty(value = "column", required = true) String column,
                              @JsonProperty(value = "min", required = true) Double min,
                              @JsonProperty("description") String description,
                              @JsonProperty("comparators") String comparators) {
    }

    /** Report options. */
    public record Report(@JsonProperty("title") String title,
                         @JsonProperty("small_cell_threshold") Integer smallCellThreshold,
                         @JsonProperty("notes") Map<String, String> notes) {
    }
}
