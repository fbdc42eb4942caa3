package org.padlock.eef;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A security rating; keys as {@code padlock rate --json}. {@code padlocks} is the final score:
 * the initial score (lowest of design, power and attrition) less the downgrades, not below 0.
 *
 * @param reasons one line per downgrade, "balance: ..." or "validity: ..." with the number of padlocks removed
 */
public record PadlockRating(@JsonProperty("padlocks") int padlocks,
                            @JsonProperty("design_score") int designScore,
                            @JsonProperty("power_score") int powerScore,
                            @JsonProperty("attrition_score") int attritionScore,
                            @JsonProperty("initial_score") int initialScore,
                            @JsonProperty("balance_downgrade") int balanceDowngrade,
                            @JsonProperty("validity_downgrade") int validityDowngrade,
                            @JsonProperty("reasons") List<String> reasons,
                            @JsonProperty("design") String design,
                            @JsonProperty("mdes") double mdes,
                            @JsonProperty("attrition") double attrition,
                            @JsonProperty("rules_version") String rulesVersion) {
    public PadlockRating {
        reasons = List.copyOf(reasons);
    }
}
