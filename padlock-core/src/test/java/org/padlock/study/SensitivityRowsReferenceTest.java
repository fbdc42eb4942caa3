package org.padlock.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.padlock.Reference;

/**
 * The study plan's treatment x subgroup interaction row (lm + sandwich::vcovCL HC1, t(G-1)) and
 * random-effects row (lme4 lmer REML; t on G - p2 df) against R on a committed study
 * (reference/study_sensitivity). Tolerances: interaction 1e-9, random effects 1e-6 relative.
 */
class SensitivityRowsReferenceTest {
    @TempDir
    Path out;

    @Test
    void interactionAndRandomEffectsRows() {
        JsonNode ref = Reference.json("study_sensitivity/study_sensitivity_reference.json");
        StudyResult r = StudyRunner.run(Reference.file("study_sensitivity/study.yaml"),
                new StudyRunner.Options(out, true, s -> { }));
        AnalysisRow ix = r.analyses().stream().filter(a -> a.group().equals("interaction")).findFirst().orElseThrow();
        JsonNode i = ref.get("interaction_fsm");
        assertEquals(i.get("estimate").asDouble(), ix.estimate(), 1e-9);
        assertEquals(i.get("std_error").asDouble(), ix.stdError(), 1e-9);
        assertEquals(i.get("df").asDouble(), ix.df(), 0);
        assertEquals(i.get("p_value").asDouble(), ix.pValue(), 1e-9);
        assertEquals(i.get("ci_lower").asDouble(), ix.ciLow(), 1e-9);
        assertEquals(i.get("n").asInt(), ix.nObs());
        assertEquals(i.get("n_clusters").asInt(), ix.nClusters());
        assertTrue(ix.droppedTerms().contains("in_fsm"), ix.droppedTerms().toString());

        AnalysisRow re = r.analyses().stream().filter(a -> a.group().equals("random-effects")).findFirst().orElseThrow();
        JsonNode m = ref.get("random_effects");
        assertEquals(m.get("estimate").asDouble(), re.estimate(), 1e-6 * Math.abs(m.get("estimate").asDouble()));
        assertEquals(m.get("std_error").asDouble(), re.stdError(), 1e-6 * m.get("std_error").asDouble());
        assertEquals(m.get("df").asDouble(), re.df(), 0);
        assertEquals(m.get("p_value").asDouble(), re.pValue(), 1e-6);
        assertEquals(m.get("ci_lower").asDouble(), re.ciLow(), 1e-6);
        assertEquals(m.get("n").asInt(), re.nObs());
        assertEquals("mixed-reml", re.se());
        assertEquals(10, re.modelSchoolsIntervention());
        assertEquals(10, re.modelSchoolsControl());
    }
}
