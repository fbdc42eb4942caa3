package org.padlock.study;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The plan's {@code evaluation} section (docs/study-plan.md): inputs of the evaluation layer that the
 * data cannot supply. Every key is optional.
 *
 * @param design            padlock design label (docs/CLI.md {@code padlock rate --design}); default {@code well-matched}
 * @param protocol          the protocol's sample-size assumptions, the first row of the MDES table (seed 000 Table 3)
 * @param alpha             significance level of the MDES (default 0.05)
 * @param power             power of the MDES (default 0.8)
 * @param powerStage        MDES stage the padlock power score uses: {@code recruited} (default; seed 000 Appendix B,
 *                          "MDES at randomisation") or {@code analysis}
 * @param balanceDowngrade  padlocks removed for baseline imbalance, with the reason
 * @param validityDowngrade padlocks removed for threats to internal validity, with the reason
 * @param compliance        compliance categories from attendance and review-visit records (seed 003 Table 3)
 */
public record EvaluationPlan(@JsonProperty("design") String design,
                             @JsonProperty("protocol") Protocol protocol,
                             @JsonProperty("alpha") Double alpha,
                             @JsonProperty("power") Double power,
                             @JsonProperty("power_stage") String powerStage,
                             @JsonProperty("balance_downgrade") Downgrade balanceDowngrade,
                             @JsonProperty("validity_downgrade") Downgrade validityDowngrade,
                             @JsonProperty("compliance") ComplianceInput compliance) {

    /**
     * Protocol assumptions (seed 000 Table 3, first row).
     *
     * @param prePostCorrelation correlation of pre-test (+ covariates) and post-test; R2 = its square at both levels
     * @param level2Covariates   school-level covariates assumed (PowerUp! g; default 1)
     */
    public record Protocol(@JsonProperty(value = "schools_intervention", required = true) Integer schoolsIntervention,
                           @JsonProperty(value = "schools_control", required = true) Integer schoolsControl,
                           @JsonProperty(value = "pupils_per_school", required = true) Double pupilsPerSchool,
                           @JsonProperty(value = "icc", required = true) Double icc,
                           @JsonProperty("pre_post_correlation") Double prePostCorrelation,
                           @JsonProperty("level2_covariates") Integer level2Covariates) {
    }

    /** A padlock downgrade and its stated reason. */
    public record Downgrade(@JsonProperty(value = "padlocks", required = true) Integer padlocks,
                            @JsonProperty("reason") String reason) {
    }

    /**
     * Compliance inputs: a school-level table of attendance and review visits, the rule set (a YAML
     * file; default the bundled seed 003 rule set) and the column names the rules refer to.
     *
     * @param file  CSV of the treated schools' records, relative to the plan
     * @param id    school id column (matching {@code data.schools.id})
     * @param rules rule-set file relative to the plan; absent: the bundled seed 003 rule set
     */
    public record ComplianceInput(@JsonProperty(value = "file", required = true) String file,
                                  @JsonProperty(value = "id", required = true) String id,
                                  @JsonProperty("rules") String rules) {
    }
}
