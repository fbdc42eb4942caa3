package org.padlock.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.padlock.data.DataException;
import org.padlock.demo.SchoolDidDemo;
import org.padlock.design.MatchedSample;
import org.padlock.report.Cell;
import org.padlock.report.ReportModel;
import org.padlock.report.Section;
import org.padlock.report.Table;

/**
 * The school-level demo's process-evaluation section: its tables exist, their numbers agree with
 * counts made independently from the survey files, small cells are suppressed, and bad survey
 * input in a plan is refused with the file, row and column.
 */
class SurveySectionsTest {
    @TempDir
    static Path tmp;
    static Path dir;
    static StudyResult result;

    @BeforeAll
    static void run() {
        dir = tmp.resolve("demo");
        SchoolDidDemo.write(dir, 20260101L);
        result = StudyRunner.run(dir.resolve("study.yaml"), new StudyRunner.Options(tmp.resolve("out"), false, s -> { }));
    }

    private static Section surveys(ReportModel m) {
        return m.sections().stream().filter(s -> s.id().equals("surveys")).findFirst().orElseThrow();
    }

    private static Table table(String id) {
        return surveys(result.report()).tables().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
    }

    /** Agree (4 or 5) and answered counts of one column, by plain text parsing. */
    private static int[] agree(String file, String column, Set<String> keep) throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve(file));
        List<String> header = List.of(lines.get(0).split(","));
        int c = header.indexOf(column), id = header.indexOf("URN");
        int agree = 0, n = 0;
        for (String l : lines.subList(1, lines.size())) {
            String[] v = l.split(",", -1);
            if (keep != null && !keep.contains(v[id]) || v[c].isEmpty()) {
                continue;
            }
            n++;
            agree += v[c].equals("4") || v[c].equals("5") ? 1 : 0;
        }
        return new int[] {agree, n};
    }

    @Test
    void tablesInTheSeedsLayout() {
        Set<String> ids = new HashSet<>();
        surveys(result.report()).tables().forEach(t -> ids.add(t.id()));
        assertEquals(Set.of("survey-response", "survey-items", "survey-compare-1", "survey-compare-2", "survey-group-1",
                "survey-group-2", "survey-omnibus-2", "survey-crosstab-2", "survey-multiplicity"), ids);
        assertTrue(result.report().disclosureApplied());
    }

    @Test
    void baselineVersusFinalAgreesWithTheFiles() throws IOException {
        Table t = table("survey-compare-1");
        List<Cell> row = t.rows().get(0);
        assertEquals("4.2.1", row.get(0).text());
        assertEquals("5.1.1", row.get(1).text());
        int[] b = agree("survey_baseline.csv", "partnership_well_led", null);
        int[] f = agree("survey_final.csv", "partnership_well_led", null);
        assertEquals(b[0], row.get(3).value(), 0);
        assertEquals(100.0 * b[0] / b[1], row.get(4).value(), 1e-12);
        assertEquals(f[0], row.get(5).value(), 0);
        assertEquals(100.0 * f[0] / f[1], row.get(6).value(), 1e-12);
        assertEquals(6, t.rows().size(), "six items asked in both waves");
    }

    @Test
    void matchedSurveyKeepsOnlyMatchedComparisonSchools() throws IOException {
        MatchedSample m = result.design().sample();
        Set<String> comparators = new HashSet<>();
        for (int i = 0; i < m.size(); i++) {
            if (m.treated()[i] == 0 && m.weight()[i] > 0) {
                comparators.add(m.ids().get(i));
            }
        }
        int[] a = agree("survey_matched.csv", "partnership_well_led", comparators);
        List<Cell> rate = table("survey-response").rows().get(2);
        assertEquals(comparators.size(), rate.get(2).value(), 0);
        assertEquals(a[1], rate.get(3).value(), 0, "every matched respondent answered item 4.1.1 in the demo");
        List<Cell> row = table("survey-compare-2").rows().get(0);
        assertEquals(a[0], row.get(5).value(), 0);
    }

    @Test
    void quintileTableCountsEveryPairwiseTestAndSuppressesSmallCells() {
        List<Cell> fam = table("survey-multiplicity").rows().get(3);
        assertEquals(90, fam.get(1).value(), 0, "9 items x 10 pairs of quintiles");
        assertEquals(4.5, fam.get(3).value(), 1e-12);
        assertTrue(fam.get(4).value() <= fam.get(5).value() && fam.get(5).value() <= fam.get(2).value(),
                "Holm rejects no more than BH, BH no more than the raw tests");
        int suppressed = 0;
        for (List<Cell> r : table("survey-crosstab-2").rows()) {
            for (Cell c : r) {
                assertTrue(c.basis() < 0 || c.basis() >= 10 || c.suppressed(), "cell resting on " + c.basis() + " respondents shown");
                suppressed += c.suppressed() ? 1 : 0;
            }
        }
        assertTrue(suppressed > 0, "the demo's cross-tabulation has small cells");
    }

    private static Path plan(String from, String to) throws IOException {
        Path p = dir.resolve("study-bad.yaml");
        String text = Files.readString(dir.resolve("study.yaml"));
        assertTrue(text.contains(from), from);
        Files.writeString(p, text.replace(from, to));
        return p;
    }

    @Test
    void treatedPopulationRefusesAComparisonRespondent() throws IOException {
        Path p = plan("matched: {file: survey_matched.csv, population: comparison}", "matched: {file: survey_matched.csv, population: treated}");
        DataException e = assertThrows(DataException.class, () -> StudyRunner.validate(p));
        assertEquals("survey_matched.csv", e.file());
        assertEquals(1, e.row());
        assertEquals("URN", e.column());
        assertTrue(e.getMessage().contains("population treated"), e.getMessage());
    }

    @Test
    void unknownInstrumentInPlanIsAPlanError() throws IOException {
        Path p = plan("compare:\n    - {a: baseline, b: final", "compare:\n    - {a: baseline, b: finale");
        PlanException e = assertThrows(PlanException.class, () -> StudyRunner.validate(p));
        assertTrue(e.getMessage().contains("surveys.compare[0].b") && e.getMessage().contains("finale"), e.getMessage());
    }

    @Test
    void groupingWithOneLevelIsBadData() throws IOException {
        // every final-survey respondent is a treated school: the joined column 'treated' has one level
        Path p = plan("column: status, title", "column: treated, title");
        DataException e = assertThrows(DataException.class, () -> StudyRunner.validate(p));
        assertEquals("treated", e.column());
        assertEquals("schools.csv", e.file());
        assertTrue(e.getMessage().contains("at least two levels") && e.getMessage().contains("'1'"), e.getMessage());
        Path q = plan("column: status, title", "column: no_such_column, title");
        DataException m = assertThrows(DataException.class, () -> StudyRunner.validate(q));
        assertEquals("no_such_column", m.column());
    }

    // --- w2d: survey results in results.json, and the school-level report's fixes (same demo run) ---

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object o) {
        return (List<Map<String, Object>>) o;
    }

    @Test
    @SuppressWarnings("unchecked")
    void surveyResultsAreInResultsJsonWithTheSmallCellRule() throws IOException {
        Map<String, Object> sv = (Map<String, Object>) result.results().get("surveys");
        assertEquals(10, sv.get("small_cell_threshold"));
        List<Map<String, Object>> rates = list(sv.get("instruments"));
        assertEquals(List.of("baseline", "final", "matched"), rates.stream().map(r -> r.get("instrument")).toList());
        Map<String, Object> well = list(sv.get("summaries")).stream()
                .filter(m -> m.get("instrument").equals("final") && m.get("code").equals("5.1.1")).findFirst().orElseThrow();
        int[] f = agree("survey_final.csv", "partnership_well_led", null);
        assertEquals((long) f[0], ((Number) well.get("n_agree")).longValue(), "counted independently from the file");
        // every summary: a count below 10 is null, and so is its percentage
        int nulls = 0;
        for (Map<String, Object> m : list(sv.get("summaries"))) {
            for (String k : List.of("agree", "disagree", "dont_know")) {
                Object n = m.get("n_" + k);
                assertTrue(n == null || ((Number) n).longValue() >= 10, m.get("code") + " n_" + k + " = " + n);
                if (n == null) {
                    nulls++;
                    assertEquals(null, m.get("pct_" + k), m.get("code") + " pct_" + k + " shown while its count is hidden");
                }
            }
        }
        assertTrue(nulls > 0, "the demo has small cells");
        // the same cells are hidden in the report's item table and in results.json
        Table items = table("survey-items");
        List<Map<String, Object>> sums = list(sv.get("summaries"));
        assertEquals(items.rows().size(), sums.size());
        for (int i = 0; i < sums.size(); i++) {
            Cell disagree = result.report().disclosed().sections().stream().filter(x -> x.id().equals("surveys")).findFirst()
                    .orElseThrow().tables().get(1).rows().get(i).get(5);
            assertEquals(sums.get(i).get("n_disagree") == null, disagree.suppressed(), "row " + i);
        }
        List<Map<String, Object>> comps = list(sv.get("comparisons"));
        assertEquals(4, comps.size());
        assertEquals(90, comps.get(3).get("tests"));
        assertEquals(90, list(comps.get(3).get("rows")).size());
        assertTrue(list(sv.get("crosstabs")).size() > 0);
        assertTrue(org.padlock.data.Json.write(result.results()).contains("\"surveys\""), "serialised with the results");
    }

    @Test
    void baselineTableOmitsLevelsNoMatchedSchoolHas() throws IOException {
        Table t = result.report().sections().stream().filter(x -> x.id().equals("baseline-characteristics")).findFirst()
                .orElseThrow().tables().get(0);
        for (List<Cell> r : t.rows()) {
            assertTrue(!("0 (0)".equals(r.get(2).text()) && "0 (0)".equals(r.get(4).text())), "empty row " + r.get(0).text());
        }
        // regions of the matched schools (weight > 0), read independently from schools.csv
        MatchedSample m = result.design().sample();
        Set<String> matchedIds = new HashSet<>();
        for (int i = 0; i < m.size(); i++) {
            if (m.weight()[i] > 0) {
                matchedIds.add(m.ids().get(i));
            }
        }
        List<String> lines = Files.readAllLines(dir.resolve("schools.csv"));
        List<String> header = List.of(lines.get(0).split(","));
        int id = header.indexOf("URN"), reg = header.indexOf("region");
        Set<String> all = new java.util.TreeSet<>(), used = new HashSet<>();
        for (String l : lines.subList(1, lines.size())) {
            String[] v = l.split(",", -1);
            all.add(v[reg]);
            if (matchedIds.contains(v[id])) {
                used.add(v[reg]);
            }
        }
        List<String> absent = all.stream().filter(r -> !used.contains(r)).map(r -> "region: " + r).toList();
        assertTrue(!absent.isEmpty(), "the demo has regions without matched schools");
        String note = t.notes().stream().filter(n -> n.startsWith("Not shown:")).findFirst().orElseThrow();
        for (String a : absent) {
            assertTrue(note.contains(a), a + " not named in: " + note);
        }
        for (String r : used) {
            assertTrue(t.rows().stream().anyMatch(x -> ("region: " + r).equals(x.get(0).text())), "region: " + r + " kept");
        }
    }

    @Test
    void complianceTablesEndWithATotalAsSeed003() throws IOException {
        Section c = result.report().sections().stream().filter(x -> x.id().equals("compliance")).findFirst().orElseThrow();
        for (Table t : c.tables()) {
            List<List<Cell>> rows = t.rows();
            List<Cell> total = rows.get(rows.size() - 1);
            assertEquals("Total", total.get(0).text());
            double n = 0, pct = 0;
            for (List<Cell> r : rows.subList(0, rows.size() - 1)) {
                n += r.get(1).value();
                pct += r.get(2).value();
            }
            assertEquals(n, total.get(1).value(), 0);
            assertEquals(100, pct, 0);
            assertEquals(100, total.get(2).value(), 0);
        }
        long treated = Files.readAllLines(dir.resolve("schools.csv")).stream().skip(1).filter(l -> l.split(",")[1].equals("1")).count();
        assertEquals(treated, c.tables().get(0).rows().get(3).get(1).value(), 0, "every treated school of the demo");
    }

    @Test
    void executiveSummaryHasKeyConclusionsAndNoBlankCost() {
        Section s = result.report().sections().get(0);
        assertEquals("summary", s.id());
        assertTrue(s.paragraphs().get(0).startsWith("Primary outcome ("), s.paragraphs().get(0));
        assertTrue(s.paragraphs().stream().anyMatch(p -> p.startsWith("Secondary outcome (")));
        assertTrue(s.paragraphs().stream().anyMatch(p -> p.startsWith("Compliance: of the ") && p.contains(" treated schools, ")));
        List<Cell> row = s.tables().get(0).rows().get(0);
        assertEquals("not costed", row.get(5).text());
        AnalysisRow primary = result.analyses().stream().filter(a -> a.group().equals("primary")).findFirst().orElseThrow();
        String p = row.get(4).text();
        assertEquals(primary.pValue() < 0.01 ? "< 0.01" : String.format(java.util.Locale.ROOT, "%.2f", primary.pValue()), p);
    }

    @Test
    void onTreatmentTableSaysWhatEachRowSelects() {
        Section impact = result.report().sections().stream().filter(x -> x.id().equals("impact")).findFirst().orElseThrow();
        Table t = impact.tables().stream().filter(x -> x.id().equals("impact-on-treatment")).findFirst().orElseThrow();
        assertEquals("Analysis (primary outcome)", t.header().get(0));
        assertTrue(t.notes().contains("Treated schools fully compliant: treated schools of the matched sample with"
                + " compliance_school >= 2, against only the comparison schools matched to them."), String.join("\n", t.notes()));
        // the selection is among matched treated schools: never more than the compliance table counts
        Section c = result.report().sections().stream().filter(x -> x.id().equals("compliance")).findFirst().orElseThrow();
        List<List<Cell>> sc = c.tables().get(0).rows();
        double fully = sc.get(0).get(1).value(), atLeastMin = fully + sc.get(1).get(1).value();
        List<Cell> minRow = t.rows().get(0), fullRow = t.rows().get(1);
        assertTrue(parseTotal(minRow.get(1).text()) <= atLeastMin, minRow.get(1).text() + " vs " + atLeastMin);
        assertTrue(parseTotal(fullRow.get(1).text()) <= fully, fullRow.get(1).text() + " vs " + fully);
        Table primary = impact.tables().get(0);
        assertEquals("Outcome", primary.header().get(0));
    }

    /** n + missing of an "n (missing)" cell. */
    private static int parseTotal(String s) {
        String[] p = s.replace("(", "").replace(")", "").split(" ");
        return Integer.parseInt(p[0]) + Integer.parseInt(p[1]);
    }
}
