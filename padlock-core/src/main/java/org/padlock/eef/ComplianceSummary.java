package org.padlock.eef;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Compliance of the treated schools and their clusters (seed 003 Tables 11 and 12): the category of
 * every school and cluster and the counts per category, in the rule set's level order (most
 * compliant first, as the seed prints them).
 *
 * @param rulesVersion version of the rule set applied
 * @param schools      one entry per school record
 * @param clusters     one entry per cluster (empty without clusters)
 * @param schoolCounts schools per category
 * @param clusterCounts clusters per category
 */
public record ComplianceSummary(@JsonProperty("rules_version") String rulesVersion,
                                @JsonProperty("schools") List<Unit> schools,
                                @JsonProperty("clusters") List<Unit> clusters,
                                @JsonProperty("school_counts") List<Count> schoolCounts,
                                @JsonProperty("cluster_counts") List<Count> clusterCounts) {
    public ComplianceSummary {
        schools = List.copyOf(schools);
        clusters = List.copyOf(clusters);
        schoolCounts = List.copyOf(schoolCounts);
        clusterCounts = List.copyOf(clusterCounts);
    }

    /**
     * A school or cluster and its category.
     *
     * @param level category index in the rule set's levels (0 = least compliant)
     */
    public record Unit(@JsonProperty("id") String id, @JsonProperty("cluster") String cluster,
                       @JsonProperty("category") String category, @JsonProperty("level") int level) {
    }

    /** Units in a category, their share of all units, and the share as a whole percentage (summing to 100). */
    public record Count(@JsonProperty("category") String category, @JsonProperty("n") int n,
                        @JsonProperty("percent") double percent, @JsonProperty("percent_rounded") int percentRounded) {
    }
}
