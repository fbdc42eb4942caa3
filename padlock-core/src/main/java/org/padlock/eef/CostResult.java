package org.padlock.eef;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Costs from one perspective, keys as {@code padlock cost --json}. Money in GBP, unrounded.
 */
public record CostResult(@JsonProperty("perspective") String perspective,
                         @JsonProperty("cost_per_pupil_per_year") double costPerPupilPerYear,
                         @JsonProperty("cost_per_pupil_three_years") double costPerPupilHorizon,
                         @JsonProperty("cost_per_school_three_years") double costPerSchoolHorizon,
                         @JsonProperty("min_cost_per_school_three_years") double minCostPerSchool,
                         @JsonProperty("max_cost_per_school_three_years") double maxCostPerSchool,
                         @JsonProperty("rating") String rating,
                         @JsonProperty("staff_days_in_school_per_school_three_years") double staffDaysInSchool,
                         @JsonProperty("staff_days_out_of_school_per_school_three_years") double staffDaysOutOfSchool,
                         @JsonProperty("programmes") List<Row> programmes) {
    public CostResult {
        programmes = List.copyOf(programmes);
    }

    /** One programme's line of seed 000 Tables 12/13 and 15/16. */
    public record Row(@JsonProperty("name") String name,
                      @JsonProperty("cost_per_participant_per_year") double costPerParticipantPerYear,
                      @JsonProperty("average_participants_per_school") double participants,
                      @JsonProperty("average_cost_per_school_three_years") double costPerSchool,
                      @JsonProperty("average_cost_per_pupil_three_years") double costPerPupil,
                      @JsonProperty("staff_days_in_school_per_participant_per_year") double daysInPerParticipant,
                      @JsonProperty("staff_days_out_of_school_per_participant_per_year") double daysOutPerParticipant,
                      @JsonProperty("staff_days_in_school_per_school_three_years") double daysInPerSchool,
                      @JsonProperty("staff_days_out_of_school_per_school_three_years") double daysOutPerSchool) {
    }
}
