package org.padlock.eef;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.padlock.data.DataException;
import org.padlock.data.Frame;
import org.padlock.data.NumericColumn;
import org.padlock.data.TextColumn;

/** The seed 003 compliance rules (Table 3 and the cluster rules after it) on hand-made records, with boundaries. */
class ComplianceTest {
    /** id, attendance %, visits, visits before lockdown, expected category. */
    static final Object[][] SCHOOLS = {
        {"s1", 75.0, 2, 1, "fully compliant"},      // exactly 75%, two visits, fewer than two before lockdown
        {"s2", 75.0, 2, 2, "non-compliant"},        // two done before lockdown: needs three
        {"s3", 100.0, 3, 2, "fully compliant"},
        {"s4", 74.9, 1, 0, "minimally compliant"},  // < 75% and one visit
        {"s5", 80.0, 1, 1, "non-compliant"},        // >= 75% but only one visit: neither category's criteria both met
        {"s6", 50.0, 2, 1, "non-compliant"},        // < 75% with two visits: "hosted one" is exactly one
        {"s7", 0.0, 0, 0, "non-compliant"},
        {"s8", 74.9, 3, 2, "non-compliant"},
        {"s9", Double.NaN, 1, 0, "non-compliant"},  // missing attendance: no criterion is met
    };

    private static Frame records(Object[][] rows) {
        String[] id = new String[rows.length];
        double[] att = new double[rows.length];
        double[] vis = new double[rows.length];
        double[] before = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            id[i] = (String) rows[i][0];
            att[i] = (double) rows[i][1];
            vis[i] = (int) rows[i][2];
            before[i] = (int) rows[i][3];
        }
        return new Frame("compliance.csv", List.of(new TextColumn("URN", id), new NumericColumn("training_attended_pct", att),
                new NumericColumn("review_visits", vis), new NumericColumn("visits_before_lockdown", before)));
    }

    @Test
    void schoolCategories() {
        ComplianceSummary s = Compliance.classify(RuleTables.compliance(), records(SCHOOLS), "URN", null);
        assertEquals("spp-2021", s.rulesVersion());
        for (int i = 0; i < SCHOOLS.length; i++) {
            assertEquals(SCHOOLS[i][4], s.schools().get(i).category(), (String) SCHOOLS[i][0]);
        }
        assertEquals(List.of("fully compliant", "minimally compliant", "non-compliant"),
                s.schoolCounts().stream().map(ComplianceSummary.Count::category).toList());
        assertEquals(List.of(2, 1, 6), s.schoolCounts().stream().map(ComplianceSummary.Count::n).toList());
        assertTrue(s.clusters().isEmpty());
    }

    @Test
    void clusterCategories() {
        // A: full, full, minimal -> fully; B: full, minimal, minimal -> minimally; C: full, non -> non;
        // D: minimal only -> non (no fully compliant school); E: full only -> fully
        Object[][] rows = {
            {"a1", 90.0, 2, 0, ""}, {"a2", 90.0, 2, 0, ""}, {"a3", 60.0, 1, 0, ""},
            {"b1", 90.0, 2, 0, ""}, {"b2", 60.0, 1, 0, ""}, {"b3", 60.0, 1, 0, ""},
            {"c1", 90.0, 2, 0, ""}, {"c2", 10.0, 0, 0, ""},
            {"d1", 60.0, 1, 0, ""},
            {"e1", 90.0, 3, 2, ""},
        };
        Map<String, String> cluster = new HashMap<>();
        for (Object[] r : rows) {
            cluster.put((String) r[0], ((String) r[0]).substring(0, 1).toUpperCase());
        }
        ComplianceSummary s = Compliance.classify(RuleTables.compliance(), records(rows), "URN", cluster);
        Map<String, String> got = new HashMap<>();
        s.clusters().forEach(u -> got.put(u.id(), u.category()));
        assertEquals(Map.of("A", "fully compliant", "B", "minimally compliant", "C", "non-compliant", "D", "non-compliant",
                "E", "fully compliant"), got);
        assertEquals(List.of(2, 1, 2), s.clusterCounts().stream().map(ComplianceSummary.Count::n).toList());
    }

    /** Seed 003 Tables 11 (70/168/184 schools: 16/40/44%) and 12 (3/10/76 clusters: 3/11/86%). */
    @Test
    void percentagesAsTheSeedPrintsThem() {
        assertArrayEquals(new int[] {16, 40, 44}, Compliance.largestRemainder(new int[] {70, 168, 184}));
        assertArrayEquals(new int[] {3, 11, 86}, Compliance.largestRemainder(new int[] {3, 10, 76}));
        assertArrayEquals(new int[] {34, 33, 33}, Compliance.largestRemainder(new int[] {1, 1, 1}));
        assertArrayEquals(new int[] {0, 0, 0}, Compliance.largestRemainder(new int[] {0, 0, 0}));
    }

    @Test
    void ruleNamingAMissingColumnIsADataError() {
        Frame f = new Frame("compliance.csv", List.of(new TextColumn("URN", new String[] {"x"}),
                new NumericColumn("training_attended_pct", new double[] {80})));
        DataException e = assertThrows(DataException.class, () -> Compliance.classify(RuleTables.compliance(), f, "URN", null));
        assertTrue(e.getMessage().startsWith("compliance.csv, column 'review_visits': column named by compliance rule set"
                + " spp-2021 is missing"), e.getMessage());
    }

    @Test
    void malformedRuleSets() {
        String unknownLevel = """
                version: x
                source: y
                levels: [no, yes]
                school:
                  - {name: maybe, when: {column: a, op: ">", value: 1}}
                school_otherwise: no
                """;
        var e = assertThrows(IllegalArgumentException.class, () -> read(unknownLevel));
        assertEquals("r.yaml: unknown compliance category 'maybe'; levels: [no, yes]", e.getMessage());
        String badOp = unknownLevel.replace("maybe", "yes").replace("\">\"", "\"=>\"");
        e = assertThrows(IllegalArgumentException.class, () -> read(badOp));
        assertEquals("r.yaml: school[0].when.op must be one of < <= == != >= >; found =>", e.getMessage());
        String both = unknownLevel.replace("maybe", "yes").replace("{column: a,", "{column: a, count: yes,");
        e = assertThrows(IllegalArgumentException.class, () -> read(both));
        assertEquals("r.yaml: school[0].when: a condition needs exactly one of all, any, column, count", e.getMessage());
    }

    private static ComplianceRules read(String yaml) {
        return RuleTables.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "r.yaml", ComplianceRules.class);
    }
}
