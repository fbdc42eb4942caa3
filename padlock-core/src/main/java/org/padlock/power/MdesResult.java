package org.padlock.power;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A minimum detectable effect size: {@code mdes = multiplier x standardError}. Keys as
 * {@code padlock mdes --json}.
 *
 * @param design        the PowerUp! design label ({@code cra2}, {@code ira1}, {@code bira2r1})
 * @param mdes          minimum detectable effect size, in outcome standard deviations
 * @param multiplier    M = t(1 - alpha/tails, df) + t(power, df)
 * @param df            degrees of freedom of the t distribution
 * @param standardError standard error of the impact estimate in effect-size units for a unit effect
 */
public record MdesResult(@JsonProperty("design") String design,
                         @JsonProperty("mdes") double mdes,
                         @JsonProperty("multiplier") double multiplier,
                         @JsonProperty("df") double df,
                         @JsonProperty("standard_error") double standardError) {
}
