package org.padlock.eef;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Cost inputs of the ingredients model (seed 000 Tables 12-16; command-line contract, {@code padlock cost}).
 *
 * @param pupilsPerSchool average pupils per school (931 in seed 000)
 * @param horizonYears    years the cost is spread over (3)
 * @param programmes      the programmes schools take part in
 */
public record CostSpec(@JsonProperty(value = "pupils_per_school", required = true) Double pupilsPerSchool,
                       @JsonProperty("horizon_years") Integer horizonYears,
                       @JsonProperty(value = "programmes", required = true) List<Programme> programmes) {
    public CostSpec {
        programmes = programmes == null ? List.of() : List.copyOf(programmes);
    }

    /**
     * One programme.
     *
     * @param costPerParticipantPerYear cost by perspective ({@code school}, {@code government})
     * @param durationYears             years each participant is on the programme within the horizon
     * @param participantsPerSchool     participants per school, one number per school (or one average)
     * @param staffDaysPerParticipantPerYear staff days ({@code in_school}, {@code out_of_school})
     */
    public record Programme(@JsonProperty(value = "name", required = true) String name,
                            @JsonProperty(value = "cost_per_participant_per_year", required = true) PerPerspective costPerParticipantPerYear,
                            @JsonProperty(value = "duration_years", required = true) Double durationYears,
                            @JsonProperty(value = "participants_per_school", required = true) List<Double> participantsPerSchool,
                            @JsonProperty("staff_days_per_participant_per_year") StaffDays staffDaysPerParticipantPerYear) {
        public Programme {
            participantsPerSchool = participantsPerSchool == null ? List.of() : List.copyOf(participantsPerSchool);
        }
    }

    /** A cost borne by schools and by government. */
    public record PerPerspective(@JsonProperty("school") Double school, @JsonProperty("government") Double government) {
    }

    /** Staff days in and out of school hours. */
    public record StaffDays(@JsonProperty("in_school") Double inSchool, @JsonProperty("out_of_school") Double outOfSchool) {
    }
}
