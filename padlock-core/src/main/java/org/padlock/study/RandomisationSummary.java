package org.padlock.study;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.padlock.inference.RandomisationResult;

/**
 * The randomisation-inference part of an impact row ({@code analysis.randomisation_inference}); see
 * {@link org.padlock.inference.RandomisationInference} for the p-value conventions.
 *
 * @param level            the assignment unit: {@code cluster} (the analysis cluster) or {@code school}
 * @param clusters         number of assignment units
 * @param treatedClusters  treated units, kept fixed
 * @param assignments      assignments compared
 * @param enumerated       whether all assignments were used
 * @param seed             seed of random assignments
 * @param pValueCoefficient p-value of |coefficient|
 * @param pValueT          p-value of |CR1 t|
 */
public record RandomisationSummary(@JsonProperty("level") String level, @JsonProperty("clusters") int clusters,
                                   @JsonProperty("treated_clusters") int treatedClusters,
                                   @JsonProperty("assignments") long assignments,
                                   @JsonProperty("enumerated") boolean enumerated, @JsonProperty("seed") long seed,
                                   @JsonProperty("p_value_coefficient") double pValueCoefficient,
                                   @JsonProperty("p_value_t") double pValueT) {
    static RandomisationSummary of(String level, RandomisationResult r) {
        return new RandomisationSummary(level, r.clusters(), r.treatedClusters(), r.assignments(), r.enumerated(), r.seed(),
                r.pCoefficient(), r.pT());
    }
}
