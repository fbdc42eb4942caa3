package org.padlock.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
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
}
