package org.padlock.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.padlock.Reference;

/**
 * The common-sample sensitivity row ({@code analysis.common_sample: true}) against R: lm + sandwich::vcovCL
 * HC1, t(G-1) on the pupils with both outcomes observed (reference/common_sample). Tolerance 1e-9.
 */
class CommonSampleTest {
    @TempDir
    Path out;

    private static void check(JsonNode r, AnalysisRow a) {
        assertEquals(r.get("estimate").asDouble(), a.estimate(), 1e-9);
        assertEquals(r.get("std_error").asDouble(), a.stdError(), 1e-9);
        assertEquals(r.get("df").asDouble(), a.df(), 0);
        assertEquals(r.get("p_value").asDouble(), a.pValue(), 1e-9);
        assertEquals(r.get("ci_lower").asDouble(), a.ciLow(), 1e-9);
        assertEquals(r.get("ci_upper").asDouble(), a.ciHigh(), 1e-9);
        assertEquals(r.get("n").asInt(), a.nObs());
        assertEquals(r.get("n_clusters").asInt(), a.nClusters());
    }

    @Test
    void commonSampleRowMatchesR() {
        JsonNode ref = Reference.json("common_sample/common_sample_reference.json");
        StudyResult r = StudyRunner.run(Reference.file("common_sample/study.yaml"), new StudyRunner.Options(out, true, s -> { }));
        AnalysisRow cs = r.analyses().stream().filter(a -> a.group().equals("common-sample")).findFirst().orElseThrow();
        check(ref.get("common_sample"), cs);
        check(ref.get("full_sample"), r.analyses().get(0));
        assertTrue(cs.diagnostics().get(0).contains("y, y2"), cs.diagnostics().toString());
        assertTrue(r.report().sections().stream().flatMap(s -> s.tables().stream())
                .anyMatch(t -> t.id().equals("impact-common-sample")), "report has the sensitivity table");
    }

    @Test
    void unknownCommonSampleOutcomeIsAPlanError() throws IOException {
        Path dir = out.resolve("p");
        Files.createDirectories(dir);
        for (String f : new String[] {"schools.csv", "pupils.csv"}) {
            Files.copy(Reference.file("common_sample/" + f), dir.resolve(f));
        }
        String plan = Files.readString(Reference.file("common_sample/study.yaml"))
                .replace("common_sample: true", "common_sample: true\n  common_sample_outcomes: [y, nope]");
        Files.writeString(dir.resolve("study.yaml"), plan);
        PlanException e = assertThrows(PlanException.class,
                () -> StudyRunner.run(dir.resolve("study.yaml"), new StudyRunner.Options(out.resolve("o"), true, s -> { })));
        assertTrue(e.getMessage().contains("common_sample_outcomes") && e.getMessage().contains("nope"), e.getMessage());
    }
}
