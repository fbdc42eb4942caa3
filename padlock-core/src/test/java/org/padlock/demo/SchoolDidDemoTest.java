package org.padlock.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.padlock.study.PlanLoader;
import org.padlock.study.StudyPlan;

class SchoolDidDemoTest {
    private static final long SEED = 20260101L;
    private static final List<String> FILES = List.of("schools.csv", "outcomes.csv", "compliance.csv",
            "survey_baseline.csv", "survey_final.csv", "survey_matched.csv", "survey_instruments.yaml", "study.yaml");
    @TempDir
    static Path tmp;
    private static Path dir;
    private static DemoTable schools;
    private static Map<String, String> partnershipOf;

    @BeforeAll
    static void generate() throws IOException {
        dir = tmp.resolve("a");
        SchoolDidDemo.write(dir, SEED);
        schools = new DemoTable(dir.resolve("schools.csv"));
        partnershipOf = new HashMap<>();
        for (int r = 0; r < schools.size(); r++) {
            if (schools.text(r, "treated").equals("1")) {
                partnershipOf.put(schools.text(r, "URN"), schools.text(r, "partnership"));
            }
        }
    }

    @Test
    void sameSeedGivesIdenticalBytes() throws IOException {
        Path again = tmp.resolve("b");
        SchoolDidDemo.write(again, SEED);
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(Set.copyOf(FILES), s.map(p -> p.getFileName().toString()).collect(Collectors.toSet()));
        }
        for (String f : FILES) {
            assertArrayEquals(Files.readAllBytes(dir.resolve(f)), Files.readAllBytes(again.resolve(f)), f);
        }
    }

    @Test
    void partnershipsAndNationalPool() {
        int controls = 0;
        Set<String> urns = new HashSet<>(), las = new HashSet<>();
        double[] fsm = new double[2], maths = new double[2];
        int[] n = new int[2];
        int[] quintiles = new int[6];
        for (int r = 0; r < schools.size(); r++) {
            assertTrue(urns.add(schools.text(r, "URN")), "URN unique");
            int t = Integer.parseInt(schools.text(r, "treated"));
            assertEquals(t == 1, !schools.text(r, "partnership").isEmpty(), "partnership set for treated schools only");
            controls += 1 - t;
            if (t == 1) {
                las.add(schools.text(r, "la"));
            }
            fsm[t] += schools.number(r, "fsm_ever_pct");
            maths[t] += schools.number(r, "mat_2017");
            n[t]++;
            quintiles[(int) schools.number(r, "fsm_quintile")]++;
            assertNotEquals("other", schools.text(r, "region"), "every local authority has a region");
            for (String c : schools.header) {
                if (!c.equals("partnership")) {
                    assertTrue(!schools.text(r, c).isEmpty(), "complete data: " + c);
                }
            }
        }
        int treated = partnershipOf.size();
        long partnerships = partnershipOf.values().stream().distinct().count();
        assertTrue(treated >= 380 && treated <= 460, "treated schools " + treated);
        assertTrue(partnerships >= 80 && partnerships <= 90, "partnerships " + partnerships);
        assertTrue(controls > 10_000, "national pool " + controls);
        assertEquals(25, las.size(), "local authorities of treated schools");
        assertTrue(fsm[1] / n[1] > fsm[0] / n[0] + 2, "treated schools are more deprived");
        assertTrue(maths[1] / n[1] < maths[0] / n[0] - 0.5, "treated schools had lower 2017 maths");
        for (int q = 1; q <= 5; q++) {
            double share = quintiles[q] / (double) schools.size();
            assertTrue(share > 0.19 && share < 0.21, "quintile " + q + ": " + share);
        }
    }

    @Test
    void effectIsAddedToTreatedSchoolsRealResultsOnly() throws IOException {
        DfeCsv real = DfeCsv.resource("dfe/wk_ks2_2018.csv");
        Map<String, double[]> truth = new HashMap<>();
        for (int i = 0; i < real.rows(); i++) {
            truth.put(real.text(i, "URN"), new double[] {real.number(i, "Reading Score"), real.number(i, "Maths Score")});
        }
        DemoTable outcomes = new DemoTable(dir.resolve("outcomes.csv"));
        assertEquals(schools.size(), outcomes.size());
        int treatedWithResults = 0;
        for (int r = 0; r < outcomes.size(); r++) {
            String urn = outcomes.text(r, "URN");
            assertEquals(schools.text(r, "URN"), urn, "same order as schools.csv");
            double[] t = truth.getOrDefault(urn, new double[] {Double.NaN, Double.NaN});
            boolean treated = partnershipOf.containsKey(urn);
            double read = outcomes.number(r, "read_2018"), mat = outcomes.number(r, "mat_2018");
            assertEquals(Double.isNaN(t[0]), Double.isNaN(read), urn);
            assertEquals(Double.isNaN(t[1]), Double.isNaN(mat), urn);
            if (!Double.isNaN(t[1])) {
                assertEquals(t[1] + (treated ? SchoolDidDemo.MATHS_EFFECT : 0), mat, 1e-9, urn);
                treatedWithResults += treated ? 1 : 0;
            }
            if (!Double.isNaN(t[0])) {
                assertEquals(t[0] + (treated ? SchoolDidDemo.READING_EFFECT : 0), read, 1e-9, urn);
            }
        }
        assertTrue(treatedWithResults > 0.95 * partnershipOf.size());
    }

    @Test
    void complianceFollowsSeedTables11And12() throws IOException {
        DemoTable c = new DemoTable(dir.resolve("compliance.csv"));
        assertEquals(partnershipOf.size(), c.size(), "one row per treated school");
        int[] school = new int[3];
        Map<String, int[]> cluster = new TreeMap<>();
        for (int r = 0; r < c.size(); r++) {
            assertEquals(partnershipOf.get(c.text(r, "URN")), c.text(r, "partnership"));
            double attended = c.number(r, "training_attended_pct");
            int visits = (int) c.number(r, "review_visits"), before = (int) c.number(r, "visits_before_lockdown");
            assertTrue(attended >= 0 && attended <= 100 && before <= visits);
            // 003 Table 3: both criteria must be met for a category.
            boolean full = attended >= 75 && (before < 2 ? visits >= 2 : visits >= 3);
            boolean minimal = attended < 75 && visits == 1;
            int category = full ? 2 : minimal ? 1 : 0;
            school[category]++;
            cluster.computeIfAbsent(c.text(r, "partnership"), k -> new int[3])[category]++;
        }
        double n = c.size();
        assertTrue(school[2] / n > 0.10 && school[2] / n < 0.23, "fully compliant " + school[2] / n);
        assertTrue(school[1] / n > 0.32 && school[1] / n < 0.48, "minimally compliant " + school[1] / n);
        assertTrue(school[0] / n > 0.36 && school[0] / n < 0.52, "non-compliant " + school[0] / n);
        int nonCompliantClusters = 0;
        for (int[] k : cluster.values()) {
            boolean full = k[0] == 0 && k[1] <= 1;
            boolean minimal = k[0] == 0 && k[2] >= 1;
            nonCompliantClusters += full || minimal ? 0 : 1;
        }
        double share = nonCompliantClusters / (double) cluster.size();
        assertTrue(share > 0.72 && share < 0.95, "non-compliant clusters " + share + " (003: 86%)");
    }

    @Test
    void surveysHaveTheSeedsResponseRates() throws IOException {
        for (String f : List.of("survey_baseline.csv", "survey_final.csv")) {
            DemoTable s = new DemoTable(dir.resolve(f));
            double rate = s.size() / (double) partnershipOf.size();
            if (f.contains("baseline")) {
                assertTrue(rate > 0.72 && rate < 0.88, f + " response " + rate);
            } else {
                assertTrue(rate > 0.29 && rate < 0.45, f + " response " + rate);
            }
            boolean last = f.contains("final");
            assertEquals(last ? 12 : 8, s.header.size());
            for (int r = 0; r < s.size(); r++) {
                assertEquals(partnershipOf.get(s.text(r, "URN")), s.text(r, "partnership"), "respondents are treated schools");
                if (last) {
                    assertTrue(Set.of("completed", "withdrawn").contains(s.text(r, "status")));
                }
                for (String item : s.header.subList(last ? 3 : 2, s.header.size())) {
                    assertTrue(Set.of("1", "2", "3", "4", "5", "9").contains(s.text(r, item)), item);
                }
            }
        }
    }

    @Test
    void matchedSurveyIsOfUntreatedSchoolsAndFinalHasWithdrawals() throws IOException {
        DemoTable m = new DemoTable(dir.resolve("survey_matched.csv"));
        int untreated = schools.size() - partnershipOf.size();
        double rate = m.size() / (double) untreated;
        assertTrue(rate > 0.09 && rate < 0.13, "matched survey response " + rate);
        assertEquals(10, m.header.size());
        for (int r = 0; r < m.size(); r++) {
            assertTrue(!partnershipOf.containsKey(m.text(r, "URN")), "matched respondents are untreated");
        }
        DemoTable f = new DemoTable(dir.resolve("survey_final.csv"));
        long withdrawn = java.util.stream.IntStream.range(0, f.size()).filter(r -> f.text(r, "status").equals("withdrawn")).count();
        assertTrue(withdrawn > 0.1 * f.size() && withdrawn < 0.4 * f.size(), "withdrawn " + withdrawn + " of " + f.size());
    }

    @Test
    void planLoads() {
        StudyPlan plan = PlanLoader.load(dir.resolve("study.yaml"));
        assertEquals("school-did", plan.design());
        assertEquals("URN", plan.data().schools().id());
        assertEquals("outcomes.csv", plan.data().outcomes().file());
        assertEquals("partnership", plan.cluster());
        assertEquals(List.of("fsm_quintile", "region"), plan.matching().exact());
        assertEquals(0.2, plan.matching().caliper());
        assertEquals(false, plan.matching().replace());
        StudyPlan.Outcome primary = plan.outcomes().get(0);
        assertEquals("ks2_maths_change", primary.name());
        assertEquals("mat_2018", primary.column());
        assertEquals("mat_2017", primary.pre());
        assertEquals("primary", primary.role());
    }
}
