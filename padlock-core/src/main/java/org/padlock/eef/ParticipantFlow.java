package org.padlock.eef;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * CONSORT-style participant flow (DOMAIN.md s. 6; seed 000 Figure 1): the stages a study's schools
 * and pupils pass (approached, eligible, recruited, matched, analysed) with the exclusions between
 * them and their reasons, per arm, as counted by the pipeline, and the attrition from allocation
 * to analysis. Pupil counts are -1 when the study has no pupil records.
 */
public record ParticipantFlow(@JsonProperty("steps") List<Step> steps, @JsonProperty("attrition") Attrition attrition) {
    public ParticipantFlow {
        steps = List.copyOf(steps);
    }

    /**
     * A stage (counts of units remaining) or an exclusion (units leaving, with the reason as label).
     *
     * @param kind {@code stage} or {@code exclusion}
     */
    public record Step(@JsonProperty("kind") String kind, @JsonProperty("label") String label,
                       @JsonProperty("schools_intervention") int schoolsIntervention,
                       @JsonProperty("schools_comparison") int schoolsComparison,
                       @JsonProperty("pupils_intervention") int pupilsIntervention,
                       @JsonProperty("pupils_comparison") int pupilsComparison) {
        public Step {
            if (!kind.equals("stage") && !kind.equals("exclusion")) {
                throw new IllegalArgumentException("kind must be stage or exclusion; found " + kind);
            }
        }

        @com.fasterxml.jackson.annotation.JsonIgnore
        public boolean isExclusion() {
            return kind.equals("exclusion");
        }
    }
}
