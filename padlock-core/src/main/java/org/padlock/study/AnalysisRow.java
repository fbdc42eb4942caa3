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
 * @param se          covariance estimator (classical, hc1, cr1, cr2, wild)
 * @param modelSchoolsIntervention schools in the model, intervention arm
 * @param modelSchoolsControl      schools in the model, control arm
 * @param droppedTerms terms dropped as collinear
 * @param diagnostics  anything the reader must know (one cluster, suppression, ...)
 * @param randomisation randomisation inference, when the plan asks for it (else null)
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
                          @JsonProperty("diagnostics") List<String> diagnostics,
                          @JsonProperty("randomisation") RandomisationSummary randomisation) {
    public AnalysisRow {
        droppedTerms = List.copyOf(droppedTerms);
        diagnostics = List.copyOf(diagnostics);
    }

    /** A row without randomisation inference. */
    public AnalysisRow(String group, String name, String label, ArmSummary intervention, ArmSummary control,
                       double estimate, double stdError, double df, double t, double pValue, double ciLow, double ciHigh,
                       double effectSize, double effectSizeCiLow, double effectSizeCiHigh, Integer months, String se,
                       int nObs, int nClusters, int modelSchoolsIntervention, int modelSchoolsControl,
                       String standardisation, List<String> droppedTerms, List<String> diagnostics) {
        this(group, name, label, intervention, control, estimate, stdError, df, t, pValue, ciLow, ciHigh, effectSize,
                effectSizeCiLow, effectSizeCiHigh, months, se, nObs, nClusters, modelSchoolsIntervention,
                modelSchoolsControl, standardisation, droppedTerms, diagnostics, null);
    }

    /** This row with randomisation inference added. */
    public AnalysisRow withRandomisation(RandomisationSummary r) {
        return new AnalysisRow(group, name, label, intervention, control, estimate, stdError, df, t, pValue, ciLow, ciHigh,
                effectSize, effectSizeCiLow, effectSizeCiHigh, months, se, nObs, nClusters, modelSchoolsIntervention,
                modelSchoolsControl, standardisation, droppedTerms, diagnostics, r);
    }
}
