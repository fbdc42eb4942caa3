package org.padlock.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.padlock.data.Json;
import org.padlock.demo.PupilMatchedDemo;
import org.padlock.design.FrozenDesign;
import org.padlock.report.Cell;
import org.padlock.report.Section;
import org.padlock.report.Table;

/**
 * The study pipeline with a specification search and the baseline tables, on the bundled
 * pupil-matched demo (simulated, calibrated to seed 000 Table 4): the search log reaches
 * results.json, the report and the CSV tables; the chosen candidate is the design that is frozen;
 * the unmatched baseline table reproduces seed 000 Table 4's school rows (the demo's calibration
 * targets) and suppresses small pupil cells.
 */
class SearchAndBaselineStudyTest {
    @TempDir
    static Path tmp;
    static StudyResult result;

    static final String SEARCH = """
              search:
                covariate_sets: [[ptac5em, ttapsgcp, b8vamea, pnumeal, ofsted_lm_good], [ptac5em, b8vamea, pnumeal]]
                ratios: [6, 3]
                calipers: [1, 0.05]
                key_variables: [ptac5em, ttapsgcp, b8vamea, pnumeal, ofsted_lm_good, pnumfsm]
            """;

    @BeforeAll
    static void run() throws IOException {
        Path dir = tmp.resolve("study");
        PupilMatchedDemo.write(dir, 20260101L);
        Path plan = dir.resolve("study.yaml");
        String text = Files.readString(plan);
        text = text.replace("  weights: psmatch2\n", "  weights: psmatch2\n" + SEARCH);
        text += "\nbaseline:\n  labels: {ptac5em: \"% 5A*-C (including English and maths)\", ofsted_lm_good:"
                + " \"Ofsted leadership and management outstanding or good\"}\n";
        Files.writeString(plan, text);
        result = StudyRunner.run(plan, new StudyRunner.Options(dir.resolve("out"), false, s -> { }));
    }

    @SuppressWarnings("unchecked")
    @Test
    void searchLogIsInTheResultsAndTheChosenCandidateIsFrozen() {
        Map<String, Object> s = (Map<String, Object>) result.results().get("specification_search");
        List<Map<String, Object>> cands = (List<Map<String, Object>>) s.get("candidates");
        assertEquals(2 * 2 * 2, cands.size());
        int chosen = (Integer) s.get("chosen");
        Map<String, Object> c = cands.get(chosen);
        double best = (Double) c.get("key_median_abs_pct_bias");
        for (Map<String, Object> x : cands) {
            if ("ok".equals(x.get("status"))) {
                assertTrue(best <= (Double) x.get("key_median_abs_pct_bias") + 1e-9, "chosen has the lowest criterion");
            }
        }
        FrozenDesign f = result.frozen();
        assertEquals(c.get("covariates"), f.specification().get("covariates"));
        assertEquals(c.get("ratio"), f.specification().get("ratio"));
        assertEquals(c.get("caliper"), f.specification().get("caliper"));
        assertEquals(result.design().spec().covariates(), c.get("covariates"));
        assertEquals(1 + cands.size(), result.tables().get("specification_search.csv").size());
        assertTrue(result.report().sections().stream().anyMatch(x -> x.id().equals("specification-search")));
        assertTrue(Json.write(result.results()).contains("\"balance_summary\""));
    }

    static Table table(String id) {
        for (Section s : result.report().sections()) {
            for (Table t : s.tables()) {
                if (t.id().equals(id)) {
                    return t;
                }
            }
        }
        throw new AssertionError("no table " + id);
    }

    static List<Cell> row(Table t, String label) {
        return t.rows().stream().filter(r -> r.get(0).isText() && r.get(0).text().replaceAll("[*]+$", "").equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + label));
    }

    @Test
    void unmatchedBaselineTableReproducesSeedTable4SchoolRows() {
        Table t = table("baseline-unmatched");
        List<Cell> lm = row(t, "Ofsted leadership and management outstanding or good");
        assertEquals("9/14 (0)", lm.get(1).text());
        assertEquals(64.3, lm.get(2).value(), 0.05);
        assertEquals("47/66 (6)", lm.get(3).text());
        assertEquals(71.2, lm.get(4).value(), 0.05);
        List<Cell> p = row(t, "% 5A*-C (including English and maths)");
        assertEquals("14 (0)", p.get(1).text());
        assertEquals(46.1, p.get(2).value(), 0.05);
        assertEquals("72 (0)", p.get(3).text());
        assertEquals(49.2, p.get(4).value(), 0.05);
        List<Cell> eal = row(t, "pnumeal");
        assertEquals(28.8, eal.get(2).value(), 0.05);
        assertEquals("71 (1)", eal.get(3).text());
        assertEquals(19.6, eal.get(4).value(), 0.05);
    }

    @Test
    void matchedTableAndDisclosure() {
        Table t = table("baseline-matched");
        int matchedControls = result.design().sample().nControlMatched();
        List<Cell> p = row(t, "% 5A*-C (including English and maths)");
        assertEquals(matchedControls + " (0)", p.get(3).text());
        for (Table x : List.of(table("baseline-unmatched"), t)) {
            for (List<Cell> r : x.rows()) {
                for (Cell c : r) {
                    if (c.basis() >= 0 && c.basis() < 10) {
                        assertTrue(c.suppressed(), "pupil cell on " + c.basis() + " pupils must be suppressed");
                    }
                }
            }
        }
        assertTrue(table("balance-summary").rows().size() == 2);
    }
}
