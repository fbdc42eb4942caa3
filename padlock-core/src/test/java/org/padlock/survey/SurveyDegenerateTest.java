package org.padlock.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.padlock.Reference;

/** Degenerate data give NaN with a note (never a crash or a number); results do not depend on row order. */
class SurveyDegenerateTest {
    @TempDir
    Path dir;

    @Test
    void tTestNeedsTwoAnswersAndVariation() {
        TestResult one = SurveyTests.tTest(new double[] {4}, new double[] {3, 5}, true);
        assertTrue(Double.isNaN(one.pValue()));
        assertTrue(one.note().contains("at least two answers"), one.note());
        TestResult flat = SurveyTests.tTest(new double[] {4, 4, 4}, new double[] {4, 4}, true);
        assertTrue(Double.isNaN(flat.pValue()));
        assertTrue(flat.note().contains("no variation"), flat.note());
        // one group constant, the other not: Welch is defined, as in R
        assertFalse(Double.isNaN(SurveyTests.tTest(new double[] {4, 4, 4}, new double[] {3, 5}, false).pValue()));
    }

    @Test
    void everyoneAgreeingLeavesNoProportionTest() {
        TestResult p = SurveyTests.propTest(10, 10, 20, 20, true);
        assertTrue(Double.isNaN(p.pValue()));
        assertTrue(p.note().contains("proportion is 1"), p.note());
        // Fisher with an empty margin: every table is the observed one
        assertEquals(1.0, SurveyTests.fisher(10, 0, 20, 0).pValue(), 0);
    }

    @Test
    void chiSquareOnOneColumnIsUndefined() {
        TestResult c = SurveyTests.chiSquare(new long[][] {{0, 5, 0}, {0, 7, 0}});
        assertTrue(Double.isNaN(c.pValue()));
        assertTrue(c.note().contains("2 x 1"), c.note());
    }

    @Test
    void chiSquareByHandOnATwoByTwo() {
        // {{10, 20}, {30, 40}}: expected {{12, 18}, {28, 42}}; X2 = 4/12 + 4/18 + 4/28 + 4/42
        TestResult c = SurveyTests.chiSquare(new long[][] {{10, 20}, {30, 40}});
        assertEquals(4.0 / 12 + 4.0 / 18 + 4.0 / 28 + 4.0 / 42, c.statistic(), 1e-14);
        assertEquals(1, c.df(), 0);
        // chi-square(1) upper tail = erfc(sqrt(x / 2))
        assertEquals(org.hipparchus.special.Erf.erfc(Math.sqrt(c.statistic() / 2)), c.pValue(), 1e-14);
    }

    @Test
    void crossTabSuppressionIsNotReversibleFromRowTotals() {
        CrossTab x = new CrossTab("i", "1", "g", List.of("a", "b", "c"), List.of("1", "2", "3"),
                new long[][] {{30, 12, 4}, {3, 2, 40}, {20, 20, 20}});
        boolean[][] m = x.suppressed(10);
        // row a: 4 is small; 12 is its smallest other cell and is hidden too
        assertEquals(List.of(false, true, true), List.of(m[0][0], m[0][1], m[0][2]));
        // row b: two small cells already protect each other
        assertEquals(List.of(true, true, false), List.of(m[1][0], m[1][1], m[1][2]));
        assertEquals(List.of(false, false, false), List.of(m[2][0], m[2][1], m[2][2]));
        // a row total below the threshold hides the whole row
        boolean[][] small = new CrossTab("i", "1", "g", List.of("a"), List.of("1", "2"), new long[][] {{5, 3}}).suppressed(10);
        assertTrue(small[0][0] && small[0][1]);
    }

    @Test
    void rowOrderDoesNotMatter() throws IOException {
        SurveySpec spec = SurveySpec.load(Reference.file("survey/instruments.yaml"));
        List<String> lines = Files.readAllLines(Reference.file("survey/survey_final.csv"));
        List<String> body = new ArrayList<>(lines.subList(1, lines.size()));
        Collections.shuffle(body, new Random(7));
        body.add(0, lines.get(0));
        Path shuffled = dir.resolve("survey_final.csv");
        Files.write(shuffled, body);
        SurveyResponses a = SurveyResponses.read(spec, "final", Reference.file("survey/survey_final.csv"));
        SurveyResponses b = SurveyResponses.read(spec, "final", shuffled);
        List<Comparison> ca = SurveyAnalysis.compareGroups(a, a.groups("quintile", null, null));
        List<Comparison> cb = SurveyAnalysis.compareGroups(b, b.groups("quintile", null, null));
        SurveyJson j = new SurveyJson(10);
        for (int i = 0; i < ca.size(); i++) {
            assertEquals(j.comparison(ca.get(i)), j.comparison(cb.get(i)));
        }
    }
}
