package org.padlock.study;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.padlock.demo.PupilMatchedDemo;
import org.padlock.eef.CostModel;
import org.padlock.eef.CostSpec;
import org.padlock.report.Cell;
import org.padlock.report.Table;

/**
 * Seed 000 Table 12a from the pupil-matched demo's cost section (000's inputs). Expected values are
 * the seed's printed Table 12a; the seed rounds staff days per participant per year to one decimal
 * before doubling, so two-year totals may differ from it by 0.1 (tolerance stated per cell).
 */
class CostSummaryTableTest {
    @TempDir
    Path dir;

    @Test
    void reproducesSeed000Table12a() {
        PupilMatchedDemo.write(dir, 20170901L);
        CostSpec spec = PlanLoader.load(dir.resolve("study.yaml")).cost();
        Table t = ReportBuilder.costSummary(spec, CostModel.compute(spec, "school"));
        List<List<Cell>> r = t.rows();
        // seed 000 Table 12a: Item, total cost to the school per participant, staff days (in school), teachers per school
        String[][] seed = {
                {"Teach First", "GBP 8,100", "48.8", "17.3", "4.3"},
                {"TL NPQML", "GBP 1,000", "3.6", "0", "4.6"},
                {"TL Fellows", "GBP 4,000", "22.9", "4.3", "1.1"},
                {"NPQSL", "GBP 1,500", "7.5", "0", "1.6"},
                {"Future Leaders", "GBP 0", "51.1", "28.2", "0.2"}};
        assertEquals(seed.length, r.size());
        for (int i = 0; i < seed.length; i++) {
            assertEquals(seed[i][0], r.get(i).get(0).text());
            assertEquals(seed[i][1], r.get(i).get(1).text(), seed[i][0]);
            String[] days = r.get(i).get(2).text().replace("(", "").replace(")", "").split(" ");
            assertEquals(Double.parseDouble(seed[i][2]), Double.parseDouble(days[0]), 0.1 + 1e-9, seed[i][0] + " total days");
            assertEquals(Double.parseDouble(seed[i][3]), Double.parseDouble(days[1]), 0.1 + 1e-9, seed[i][0] + " in school");
            assertEquals(Double.parseDouble(seed[i][4]), Math.round(r.get(i).get(3).value() * 10) / 10.0, 1e-9, seed[i][0]);
        }
    }
}
