package org.padlock.study;

import java.util.List;
import java.util.Map;
import org.padlock.design.DesignResult;
import org.padlock.design.FrozenDesign;
import org.padlock.eef.CostResult;
import org.padlock.report.ReportModel;

/**
 * Everything a study run produced.
 *
 * @param results  the canonical results (plain maps and records; same inputs give identical JSON)
 * @param manifest run facts that vary between runs (times), kept out of {@code results}
 * @param report   the report model, disclosure control applied
 * @param tables   CSV tables by file name (header row first), disclosure control applied
 */
public record StudyResult(ResolvedPlan plan, DesignResult design, FrozenDesign frozen, List<AnalysisRow> analyses,
                          List<CostResult> costs, Map<String, Object> results, Map<String, Object> manifest,
                          ReportModel report, Map<String, List<List<String>>> tables) {
}
