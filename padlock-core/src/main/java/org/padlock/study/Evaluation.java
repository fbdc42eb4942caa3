package org.padlock.study;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.padlock.eef.ComplianceSummary;
import org.padlock.eef.PadlockRating;
import org.padlock.eef.ParticipantFlow;

/**
 * The evaluation layer of a run: participant flow and attrition, the MDES table, the security
 * rating (with the MDES stage and attrition it used), and compliance when the plan has records.
 *
 * @param rating     the padlock rating, or {@code null} when its inputs could not be computed (see {@code notes})
 * @param compliance compliance categories, or {@code null} without compliance records
 * @param notes      why something could not be computed
 */
public record Evaluation(@JsonProperty("flow") ParticipantFlow flow,
                         @JsonProperty("mdes") List<MdesStage> mdes,
                         @JsonProperty("power_stage") String powerStage,
                         @JsonProperty("rating") PadlockRating rating,
                         @JsonProperty("compliance") ComplianceSummary compliance,
                         @JsonProperty("notes") List<String> notes) {
    public Evaluation {
        mdes = List.copyOf(mdes);
        notes = List.copyOf(notes);
    }
}
