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
                        @JsonProperty("report") Report report) {
    public StudyPlan {
        outcomes = outcomes == null ? List.of() : List.copyOf(outcomes);
        subgroups = subgroups == null ? List.of() : List.copyOf(subgroups);
        onTreatment = onTreatment == null ? List.of() : List.copyOf(onTreatment);
    }

    /** The input tables. Pupils are required for {@code pupil-matched}; outcomes may sit in a separate school table. */
    public record Data(@JsonProperty(value = "schools", required = true) Table schools,
                       @JsonProperty("pupils") Table pupils,
                       @JsonProperty("outcomes") Table outcomes) {
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
                           @JsonProperty("weights") String weights) {
        public Matching {
            covariates = covariates == null ? List.of() : List.copyOf(covariates);
            factors = factors == null ? List.of() : List.copyOf(factors);
            exact = exact == null ? List.of() : List.copyOf(exact);
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
                          @JsonProperty("subset") Subset subset) {
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
                           @JsonProperty("bootstrap_reps") Integer bootstrapReps,
                           @JsonProperty("bootstrap_weights") String bootstrapWeights,
                           @JsonProperty("randomisation_inference") Integer randomisationReps) {
        public Analysis {
            pupilCovariates = pupilCovariates == null ? List.of() : List.copyOf(pupilCovariates);
            schoolCovariates = schoolCovariates == null ? List.of() : List.copyOf(schoolCovariates);
            factors = factors == null ? List.of() : List.copyOf(factors);
        }
    }

    /** Pupils whose {@code column} equals {@code value}; the primary model is re-run on them. */
    public record Subgroup(@JsonProperty(value = "name", required = true) String name,
                           @JsonProperty(value = "column", required = true) String column,
                           @JsonProperty(value = "value", required = true) String value) {
    }

    /** Treated schools whose school-level {@code column} is at least {@code min}, with all comparison schools. */
    public record OnTreatment(@JsonProperty(value = "name", required = true) String name,
                              @JsonProperty(value = "column", required = true) String column,
                              @JsonProperty(value = "min", required = true) Double min,
                              @JsonProperty("description") String description) {
    }

    /** Report options. */
    public record Report(@JsonProperty("title") String title,
                         @JsonProperty("small_cell_threshold") Integer smallCellThreshold,
                         @JsonProperty("notes") Map<String, String> notes) {
    }
}
