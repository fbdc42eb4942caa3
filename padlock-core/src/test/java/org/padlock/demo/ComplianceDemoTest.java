package org.padlock.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.padlock.data.Frame;
import org.padlock.data.TableReader;
import org.padlock.eef.Compliance;
import org.padlock.eef.ComplianceSummary;
import org.padlock.eef.RuleTables;

/**
 * The bundled seed 003 rule set, applied to the demo's compliance records, gives back exactly the
 * category the generator drew for every treated school (SppProcess draws the category first, then
 * records that satisfy Table 3 for it, including non-compliant decoys at the attendance boundary).
 */
class ComplianceDemoTest {
    @TempDir
    Path dir;

    @Test
    void rulesRecoverTheGeneratorsCategories() {
        DidPanel panel = DidPanel.get();
        DemoRandom rng = new DemoRandom(20260101L);
        DemoRandom assignRng = rng.split();
        DemoRandom processRng = rng.split();
        DemoRandom surveyRng = rng.split();
        List<String> ids = new ArrayList<>();
        List<int[]> members = SchoolDidDemo.assign(panel, assignRng, ids);
        int[] drawn = SppProcess.write(dir, panel, ids, members, processRng, surveyRng);
        Frame records = TableReader.read(dir.resolve("compliance.csv"), Set.of("URN", "partnership"));
        Map<String, String> clusterOf = new HashMap<>();
        for (int i = 0; i < records.rowCount(); i++) {
            clusterOf.put(records.text("URN").get(i), records.text("partnership").get(i));
        }
        ComplianceSummary s = Compliance.classify(RuleTables.compliance(), records, "URN", clusterOf);
        Map<String, Integer> level = new HashMap<>();
        s.schools().forEach(u -> level.put(u.id(), u.level()));
        int checked = 0;
        for (int i = 0; i < drawn.length; i++) {
            if (drawn[i] >= 0) {
                assertEquals(drawn[i], level.get(String.valueOf(panel.urn[i])), "URN " + panel.urn[i]);
                checked++;
            }
        }
        assertEquals(records.rowCount(), checked);
        assertEquals(checked, s.schoolCounts().stream().mapToInt(ComplianceSummary.Count::n).sum());
    }
}
