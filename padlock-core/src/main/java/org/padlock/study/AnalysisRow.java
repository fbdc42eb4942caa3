package org.padlock.study;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One row of an impact table in the column layout of seed 000 Tables 6-10: raw means per arm,
 * schools in the model per arm, the effect (with 95% CI) and its p-value.
 *
 * @param group       table the row belongs to: primary, secondary, year1, subgroup, on-treatment
 * @param name        outcome or analysis name
 * @param label       label for the report
 * @param intervention raw summary of the intervention arm
 * @param control     raw summary of the control arm
 * @param estimate    treatment coefficient (in outcome units; effect-size units when standardised)
 * @param effectSize  effect size (the coefficient on the standardised outcome)
 * @param months      months' progress of the effect size
 * @param se          covariance estimator (classical, hc1, cr1)
 * @param modelSchoolsIntervention schools in the model, intervention arm
 * @param modelSchoolsControl      schools in the model, control arm
 * @param droppedTerms terms dropped as collinear
 * @param diagnostics  anything the reader must know (one cluster, suppression, ...)
 */
public record AnalysisRow(@JsonProperty("group") String group, @JsonProperty("name") String name,
                          @JsonProperty("label") String label,
                          @JsonProperty("intervention") ArmSummary intervention,
                          @JsonProperty("control") ArmSummary control,
                          @JsonProperty("estimate") double estimate, @JsonProperty("std_error") double stdError,
                          @JsonProperty("df") double df, @JsonProperty("t") double t,
                          @JsonProperty("p_value") double pValue,
                          @JsonProperty("ci_low") double ciLow, @JsonProperty("ci_high") double ciHigh,
                          @JsonProperty("effect_size") double effectSize,
                          @JsonProperty("effect_size_ci_low") double effectSizeCiLow,
                          @JsonProperty("effect_size_ci_high") double effectSizeCiHigh,
                          @JsonProperty("months_progress") Integer months,
                          @JsonProperty("se_method") String se,
                          @JsonProperty("n_obs") int nObs, @JsonProperty("n_clusters") int nClusters,
                          @JsonProperty("model_schools_intervention") int modelSchoolsIntervention,
                          @JsonProperty("model_schools_control") int modelSchoolsControl,
                          @JsonProperty("standardisation") String standardisation,
                          @JsonProperty("dropped_terms") List<String> droppedTerms,
                          @JsonProperty("diagnostics") List<String> diagnostics) {
    public AnalysisRow {
        droppedTerms = List.copyOf(droppedTerms);
        diagnostics = List.copyOf(diagnostics);
    }
}
