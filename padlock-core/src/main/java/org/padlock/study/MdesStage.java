package org.padlock.study;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One row of the MDES table (seed 000 Table 3): a stage of the study, its sample per arm, the
 * pre-post correlation (square root of the share of outcome variance explained by the covariates),
 * the ICC, power, alpha and the PowerUp! MDES.
 *
 * @param stage       {@code protocol}, {@code recruited} or {@code analysis}
 * @param pupilsIntervention pupils in intervention schools (-1 for a school-level study)
 * @param formula     PowerUp! formula used ({@code cra2}; {@code ira1} with schools as units for a school-level study)
 * @param level2Covariates PowerUp! g (school covariates of the outcome model)
 * @param note        how the inputs were obtained, or why the MDES could not be computed
 */
public record MdesStage(@JsonProperty("stage") String stage,
                        @JsonProperty("schools_intervention") int schoolsIntervention,
                        @JsonProperty("schools_control") int schoolsControl,
                        @JsonProperty("pupils_intervention") int pupilsIntervention,
                        @JsonProperty("pupils_control") int pupilsControl,
                        @JsonProperty("pre_post_correlation") double prePostCorrelation,
                        @JsonProperty("icc") double icc,
                        @JsonProperty("power") double power,
                        @JsonProperty("alpha") double alpha,
                        @JsonProperty("mdes") double mdes,
                        @JsonProperty("multiplier") double multiplier,
                        @JsonProperty("df") double df,
                        @JsonProperty("formula") String formula,
                        @JsonProperty("level2_covariates") int level2Covariates,
                        @JsonProperty("note") String note) {
}
