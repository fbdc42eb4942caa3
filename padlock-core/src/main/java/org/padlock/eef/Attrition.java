package org.padlock.eef;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Attrition from allocation (matching, the pseudo-randomisation) to analysis (DOMAIN.md s. 6; seed
 * 000 Appendix B footnote 13: measured at the pupil level, even for clustered designs):
 * 1 - analysed / allocated, per arm and overall.
 *
 * @param unit "pupils", or "schools" for a school-level study without pupil records
 */
public record Attrition(@JsonProperty("unit") String unit,
                        @JsonProperty("allocated_intervention") int allocatedIntervention,
                        @JsonProperty("allocated_comparison") int allocatedComparison,
                        @JsonProperty("analysed_intervention") int analysedIntervention,
                        @JsonProperty("analysed_comparison") int analysedComparison) {
    public Attrition {
        if (allocatedIntervention < 0 || allocatedComparison < 0 || analysedIntervention < 0 || analysedComparison < 0) {
            throw new IllegalArgumentException("attrition counts must be >= 0");
        }
        if (analysedIntervention > allocatedIntervention || analysedComparison > allocatedComparison) {
            throw new IllegalArgumentException("more " + unit + " analysed than allocated: intervention " + analysedIntervention
                    + " of " + allocatedIntervention + ", comparison " + analysedComparison + " of " + allocatedComparison);
        }
    }

    /** Overall attrition fraction; NaN when nothing was allocated. */
    @JsonProperty("attrition")
    public double overall() {
        return rate(allocatedIntervention + allocatedComparison, analysedIntervention + analysedComparison);
    }

    @JsonProperty("attrition_intervention")
    public double intervention() {
        return rate(allocatedIntervention, analysedIntervention);
    }

    @JsonProperty("attrition_comparison")
    public double comparison() {
        return rate(allocatedComparison, analysedComparison);
    }

    private static double rate(int allocated, int analysed) {
        return allocated == 0 ? Double.NaN : 1.0 - analysed / (double) allocated;
    }
}
