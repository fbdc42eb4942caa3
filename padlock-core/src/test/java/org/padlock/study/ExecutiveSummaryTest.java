package org.padlock.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.padlock.report.Cell;
import org.padlock.report.ReportModel;
import org.padlock.report.Section;

/**
 * The executive summary (seed 000 table, seed 003 key conclusions) on hand-made analysis rows: a
 * statistic resting on a small arm is hidden exactly as in the impact tables (smaller arm's pupils,
 * not the model's n), p-values print as the seeds do, and no negative zero appears.
 */
class ExecutiveSummaryTest {
    @TempDir
    Path dir;

    private ResolvedPlan pupilPlan() throws IOException {
        Path p = dir.resolve("study.yaml");
        Files.writeString(p, EvaluationLayerTest.PLAN);
        return ResolvedPlan.of(PlanLoader.load(p), p);
    }

    private static AnalysisRow row(String group, String label, int nI, int nC, double es, double p, Integer months) {
        return new AnalysisRow(group, label.toLowerCase(java.util.Locale.ROOT), label, new ArmSummary(nI, 0, 0.1, 0, 0.2, 5),
                new ArmSummary(nC, 0, 0.0, -0.1, 0.1, 9), es, 0.1, 12, 1, p, es - 0.2, es + 0.2, es, es - 0.2, es + 0.2,
                months, "CR1", nI + nC, 14, 5, 9, "reference", List.of(), List.of());
    }

    private static final Evaluation NO_RATING = new Evaluation(null, List.of(), "recruited", null, null, List.of());

    @Test
    void subgroupOnASmallArmIsHiddenAsInTheImpactTable() throws IOException {
        ResolvedPlan rp = pupilPlan();
        // 6 intervention pupils, 900 comparison pupils: the model has 906 observations, but the effect
        // rests on the 6 (ReportBuilder.modelBasis); it must not show in the summary either
        List<AnalysisRow> rows = List.of(row("primary", "Y", 500, 600, 0.123, 0.004, 2),
                row("subgroup", "Ever-FSM", 6, 900, 0.456, 0.31, 6),
                row("secondary", "Z", 7, 800, 0.789, 0.02, 9));
        Section s = EvaluationReport.summary(rp, NO_RATING, rows, List.of());
        ReportModel m = new ReportModel("t", "s", List.of(s), rp.smallCell(), false).disclosed();
        List<List<Cell>> body = m.sections().get(0).tables().get(0).rows();
        assertEquals(2, body.size(), "primary and the subgroup; secondary outcomes are not in seed 000's table");
        List<Cell> primary = body.get(0), sub = body.get(1);
        assertEquals("0.12 (-0.08; 0.32)", primary.get(1).text());
        assertEquals("< 0.01", primary.get(4).text(), "0.004 printed with two decimals would read 0.00");
        assertFalse(primary.get(1).suppressed());
        assertTrue(sub.get(1).suppressed(), "effect size resting on 6 pupils");
        assertTrue(sub.get(2).suppressed(), "months' progress resting on 6 pupils");
        assertTrue(sub.get(4).suppressed(), "p-value resting on 6 pupils");
        assertEquals(ReportBuilder.modelBasis(rp, rows.get(1)), sub.get(1).basis());
        // key conclusions are free text: the small secondary outcome's numbers never reach them
        String text = String.join(" ", m.sections().get(0).paragraphs());
        assertTrue(text.contains("Secondary outcome (Z): not reported (fewer than 10 pupils in an arm)."), text);
        assertFalse(text.contains("0.79") || text.contains("0.59") || text.contains("0.99"), text);
        assertTrue(text.contains("Primary outcome (Y): a positive difference in favour of the intervention: effect size 0.12"
                + " (95% CI -0.08 to 0.32), about 2 months' progress, p < 0.01."), text);
        assertEquals("not costed", primary.get(5).text());
    }

    @Test
    void pValuesAndEffectSizesPrintAsTheSeeds() throws IOException {
        ResolvedPlan rp = pupilPlan();
        List<AnalysisRow> rows = List.of(row("primary", "Y", 500, 600, -0.001, 0.72, 0),
                row("secondary", "Z", 500, 600, 0.05, 0.01, 1));
        Section s = EvaluationReport.summary(rp, NO_RATING, rows, List.of());
        List<Cell> primary = s.tables().get(0).rows().get(0);
        assertEquals("0.00 (-0.20; 0.20)", primary.get(1).text(), "no negative zero");
        assertEquals("0.72", primary.get(4).text());
        assertEquals(0.72, primary.get(4).value(), 0);
        assertTrue(s.paragraphs().get(0).contains("no evidence of a difference"), s.paragraphs().get(0));
        assertTrue(s.paragraphs().get(1).contains("about 1 month's progress, p 0.01"), "0.01 is not below 0.01: "
                + s.paragraphs().get(1));
        assertEquals("0.00", EvaluationReport.two(-0.004));
        assertEquals("-0.01", EvaluationReport.two(-0.005001));
        assertEquals("< 0.01", EvaluationReport.pValue(0.0099, -1).text());
        assertTrue(Double.isNaN(EvaluationReport.pValue(Double.NaN, -1).value()));
    }

    @Test
    void aSmallMissingCountOfPupilsIsNotPrintedInTheImpactTable() {
        ArmSummary arm = new ArmSummary(2202, 3, 0.1, 0, 0.2, 14);
        assertEquals("2202 (< 10)", ReportBuilder.nMissingCell(arm, 2202, 10).text());
        assertEquals(2202, ReportBuilder.nMissingCell(arm, 2202, 10).basis());
        assertEquals("2202 (3)", ReportBuilder.nMissingCell(arm, -1, 10).text(), "schools, not pupils");
        assertEquals("2202 (0)", ReportBuilder.nMissingCell(new ArmSummary(2202, 0, 0.1, 0, 0.2, 14), 2202, 10).text());
        assertEquals("2202 (10)", ReportBuilder.nMissingCell(new ArmSummary(2202, 10, 0.1, 0, 0.2, 14), 2202, 10).text());
    }
}
