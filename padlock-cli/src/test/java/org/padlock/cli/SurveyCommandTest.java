package org.padlock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.padlock.cli.CliRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code padlock survey}: JSON output on good input; exit codes and messages on bad input. */
class SurveyCommandTest {
    @TempDir
    Path dir;

    static final String SPEC = """
            scale:
              points: [1, 2, 3, 4, 5]
              labels: {1: Strongly disagree, 5: Strongly agree}
              agree: [4, 5]
              disagree: [1, 2]
              dont_know: [9]
            instruments:
              - {name: baseline, id: URN}
              - {name: final, id: URN, routing: {column: status, values: [completed, withdrawn]}}
            items:
              - {key: led, text: Well led, codes: {baseline: "4.2.1", final: "5.1.1"}}
            """;

    @BeforeEach
    void write() throws IOException {
        Files.writeString(dir.resolve("spec.yaml"), SPEC);
        StringBuilder b = new StringBuilder("URN,led\n"), f = new StringBuilder("URN,status,region,led\n");
        // baseline: 20 answers, 12 agree (4 or 5), 2 don't know, 1 empty; final: 20 answers, 16 agree
        int[] base = {5, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 5, 3, 3, 2, 2, 1, 3, 9, 9, -1};
        int[] fin = {5, 5, 5, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 3, 2, 9, 3};
        for (int i = 0; i < base.length; i++) {
            b.append(100 + i).append(',').append(base[i] < 0 ? "" : Integer.toString(base[i])).append('\n');
        }
        for (int i = 0; i < fin.length; i++) {
            f.append(100 + i).append(',').append(i % 2 == 0 ? "completed" : "withdrawn").append(',').append(i < 10 ? "north" : "south")
                    .append(',').append(fin[i]).append('\n');
        }
        Files.writeString(dir.resolve("baseline.csv"), b);
        Files.writeString(dir.resolve("final.csv"), f);
    }

    private String p(String name) {
        return dir.resolve(name).toString();
    }

    @Test
    void summariesComparisonsAndSuppressionAsJson() throws IOException {
        CliRun o = run("survey", "--instruments", p("spec.yaml"), "--data", "baseline=" + p("baseline.csv"), "--data",
                "final=" + p("final.csv"), "--sampled", "final=40", "--compare", "baseline,final", "--group", "region",
                "--within", "final", "--crosstab", "--small-cell", "5", "--json");
        assertEquals(0, o.code(), o.err());
        JsonNode j = new ObjectMapper().readTree(o.out());
        assertEquals(0.5, j.get("instruments").get(1).get("response_rate").asDouble(), 1e-15);
        JsonNode sb = j.get("summaries").get(0);
        assertEquals(20, sb.get("n").asInt());
        assertEquals(60.0, sb.get("pct_agree").asDouble(), 1e-12);
        assertEquals(64.0 / 18, sb.get("mean").asDouble(), 1e-12);     // (5 + 4 x 10 + 5 + 3 x 3 + 2 x 2 + 1) / 18 rated
        assertTrue(sb.get("n_dont_know").isNull(), "2 don't knows < 5 are suppressed");
        JsonNode cmp = j.get("comparisons").get(0);
        assertEquals("instruments", cmp.get("kind").asText());
        JsonNode row = cmp.get("rows").get(0);
        assertEquals(80.0, row.get("b").get("pct_agree").asDouble(), 1e-12);
        // one test in the table: Holm and BH equal the raw p-value
        assertEquals(row.get("student_p").asDouble(), row.get("student_p_holm").asDouble(), 0);
        assertEquals(row.get("prop_p").asDouble(), row.get("prop_p_bh").asDouble(), 0);
        JsonNode omni = j.get("comparisons").get(1).get("omnibus").get(0);
        assertEquals(2, omni.get("levels").asInt());
        assertEquals(omni.get("chisq_agree_p").asDouble(), omni.get("chisq_agree_p_holm").asDouble(), 0);
        JsonNode tab = j.get("crosstabs").get(0);
        assertEquals("region", tab.get("grouping").asText());
        assertEquals(6, tab.get("columns").size());
        assertTrue(tab.get("rows").get(0).get("counts").get(0).isNull());
        assertTrue(tab.get("suppressed_cells").asInt() > 0);
    }

    @Test
    void responseOutOfRangeIsBadData() throws IOException {
        Files.writeString(dir.resolve("final.csv"), "URN,status,led\n1,completed,4\n2,completed,6\n");
        CliRun o = run("survey", "--instruments", p("spec.yaml"), "--data", "final=" + p("final.csv"), "--json");
        assertEquals(3, o.code());
        assertEquals("", o.out());
        assertTrue(o.err().contains("final.csv: row 2 (line 3), column 'led': response out of range"), o.err());
        assertTrue(!o.err().contains("\tat "), "no stack trace");
    }

    @Test
    void itemMissingFromInstrumentIsBadData() throws IOException {
        Files.writeString(dir.resolve("final.csv"), "URN,status,lead\n1,completed,4\n");
        CliRun o = run("survey", "--instruments", p("spec.yaml"), "--data", "final=" + p("final.csv"));
        assertEquals(3, o.code());
        assertTrue(o.err().contains("column 'led'") && o.err().contains("5.1.1"), o.err());
    }

    @Test
    void groupingWithOneLevelIsBadData() throws IOException {
        Files.writeString(dir.resolve("final.csv"), "URN,status,region,led\n1,completed,north,4\n2,withdrawn,north,5\n");
        CliRun o = run("survey", "--instruments", p("spec.yaml"), "--data", "final=" + p("final.csv"), "--group", "region");
        assertEquals(3, o.code());
        assertTrue(o.err().contains("column 'region'") && o.err().contains("at least two levels"), o.err());
    }

    @Test
    void unknownInstrumentIsUsageError() {
        CliRun o = run("survey", "--instruments", p("spec.yaml"), "--data", "final=" + p("final.csv"), "--compare", "final,matched");
        assertEquals(2, o.code());
        assertTrue(o.err().contains("matched"), o.err());
    }

    @Test
    void badInstrumentFileIsPlanError() throws IOException {
        Files.writeString(dir.resolve("spec.yaml"), SPEC.replace("agree: [4, 5]", "agree: [4, 6]"));
        CliRun o = run("survey", "--instruments", p("spec.yaml"), "--data", "final=" + p("final.csv"));
        assertEquals(2, o.code());
        assertTrue(o.err().contains("spec.yaml") && o.err().contains("scale.agree"), o.err());
    }

    @Test
    void missingRequiredOptionIsUsageError() {
        CliRun o = run("survey", "--data", "final=" + p("final.csv"));
        assertEquals(2, o.code());
        assertTrue(o.err().contains("--instruments"), o.err());
    }
}
