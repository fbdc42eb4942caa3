package org.padlock.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
import org.padlock.eef.CostModel;
import org.padlock.eef.CostResult;
import org.padlock.study.PlanLoader;
import org.padlock.study.StudyPlan;

class PupilMatchedDemoTest {
    private static final long SEED = 20260101L;
    @TempDir
    static Path tmp;
    private static Path dir;
    private static DemoTable schools;
    private static DemoTable pupils;

    @BeforeAll
    static void generate() throws IOException {
        dir = tmp.resolve("a");
        PupilMatchedDemo.write(dir, SEED);
        schools = new DemoTable(dir.resolve("schools.csv"));
        pupils = new DemoTable(dir.resolve("pupils.csv"));
    }

    @Test
    void sameSeedGivesIdenticalBytesAndAnotherSeedDoesNot() throws IOException {
        Path again = tmp.resolve("b"), other = tmp.resolve("c");
        PupilMatchedDemo.write(again, SEED);
        PupilMatchedDemo.write(other, SEED + 1);
        List<String> files = List.of("schools.csv", "pupils.csv", "study.yaml");
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(Set.copyOf(files), s.map(p -> p.getFileName().toString()).collect(Collectors.toSet()));
        }
        for (String f : files) {
            assertArrayEquals(Files.readAllBytes(dir.resolve(f)), Files.readAllBytes(again.resolve(f)), f);
        }
        assertTrue(Files.mismatch(dir.resolve("pupils.csv"), other.resolve("pupils.csv")) >= 0, "another seed, other pupils");
    }

    @Test
    void schoolsMatchSeedTable4() {
        int treated = 0, pool = 0, outside = 0;
        Map<String, double[]> sums = new TreeMap<>();
        for (int r = 0; r < schools.size(); r++) {
            boolean t = schools.text(r, "treated").equals("1");
            boolean interested = schools.text(r, "interested").equals("1");
            assertTrue(!t || interested, "treated schools are interested");
            if (!interested) {
                outside++;
                continue;
            }
            String g = t ? "treated" : "pool";
            if (t) {
                treated++;
            } else {
                pool++;
            }
            for (String c : List.of("ptac5em", "capped_points", "b8vamea", "ttapsgcp", "pnumfsm", "pnumeal", "psen",
                    "ofsted_overall_good", "ofsted_teaching_good", "ofsted_lm_good")) {
                double v = schools.number(r, c);
                double[] acc = sums.computeIfAbsent(g + ":" + c, k -> new double[3]);
                if (Double.isNaN(v)) {
                    acc[2]++;
                } else {
                    acc[0] += v;
                    acc[1]++;
                }
            }
        }
        assertEquals(14, treated);
        assertEquals(72, pool);
        assertEquals(12, outside);
        double[][] expected = {
                // treated mean, pool mean (000 Table 4)
                {46.1, 49.2}, {221.0, 218.7}, {1007.4, 1001.8}, {93.2, 94.6}, {32.0, 31.5}, {28.8, 19.6}, {10.6, 11.6}};
        String[] cols = {"ptac5em", "capped_points", "b8vamea", "ttapsgcp", "pnumfsm", "pnumeal", "psen"};
        for (int k = 0; k < cols.length; k++) {
            assertEquals(expected[k][0], mean(sums.get("treated:" + cols[k])), 0.06, "treated " + cols[k]);
            assertEquals(expected[k][1], mean(sums.get("pool:" + cols[k])), 0.06, "pool " + cols[k]);
        }
        assertEquals(2, sums.get("pool:ttapsgcp")[2]);
        assertEquals(1, sums.get("pool:pnumeal")[2]);
        int[][] good = {{8, 36}, {8, 38}, {9, 47}};
        String[] ofsted = {"ofsted_overall_good", "ofsted_teaching_good", "ofsted_lm_good"};
        for (int k = 0; k < 3; k++) {
            assertEquals(good[k][0], sums.get("treated:" + ofsted[k])[0], ofsted[k]);
            assertEquals(0, sums.get("treated:" + ofsted[k])[2]);
            assertEquals(good[k][1], sums.get("pool:" + ofsted[k])[0], ofsted[k]);
            assertEquals(6, sums.get("pool:" + ofsted[k])[2]);
        }
    }

    @Test
    void npqslParticipantsFollowSeedTable2() {
        int onTreatment = 0, total = 0;
        for (int r = 0; r < schools.size(); r++) {
            int n = (int) schools.number(r, "npqsl_participants");
            if (schools.text(r, "treated").equals("1")) {
                onTreatment += n >= 1 ? 1 : 0;
                total += n;
            } else {
                assertEquals(0, n);
            }
        }
        assertEquals(10, onTreatment);
        assertEquals(24, total);
    }

    @Test
    void pupilsPerSchoolCohortAndMissingShares() {
        Map<String, Integer> perCohort = new HashMap<>();
        int missingKs4 = 0;
        Map<String, int[]> absence = new HashMap<>();
        Set<String> ids = new HashSet<>();
        for (int r = 0; r < pupils.size(); r++) {
            assertTrue(ids.add(pupils.text(r, "pupil_id")), "pupil ids unique");
            String school = pupils.text(r, "school_id");
            perCohort.merge(school + "/" + pupils.text(r, "cohort"), 1, Integer::sum);
            boolean ks4Missing = pupils.text(r, "ks4_points").isEmpty();
            missingKs4 += ks4Missing ? 1 : 0;
            assertEquals(ks4Missing, pupils.text(r, "ks4_points_ex").isEmpty());
            assertEquals(ks4Missing, pupils.text(r, "tf_goal").isEmpty());
            int[] a = absence.computeIfAbsent(school, k -> new int[2]);
            a[0]++;
            a[1] += pupils.text(r, "absence").isEmpty() ? 1 : 0;
        }
        assertEquals(schools.size() * 2, perCohort.size(), "every school has both cohorts");
        for (Map.Entry<String, Integer> e : perCohort.entrySet()) {
            assertTrue(e.getValue() >= 120 && e.getValue() <= 220, e.getKey() + ": " + e.getValue() + " pupils");
        }
        double share = missingKs4 / (double) pupils.size();
        assertTrue(share >= 0.005 && share <= 0.02, "missing outcome share " + share);
        List<String> noAbsence = new ArrayList<>();
        for (Map.Entry<String, int[]> e : absence.entrySet()) {
            if (e.getValue()[0] == e.getValue()[1]) {
                noAbsence.add(e.getKey());
            } else {
                assertTrue(e.getValue()[1] < 0.05 * e.getValue()[0], e.getKey());
            }
        }
        assertEquals(1, noAbsence.size(), "one school without absence data");
        int row = rowOf(schools, "school_id", noAbsence.get(0));
        assertEquals("0", schools.text(row, "treated"));
        assertEquals("1", schools.text(row, "interested"));
    }

    @Test
    void pupilValuesAreCoherent() {
        Set<String> schoolIds = new HashSet<>();
        for (int r = 0; r < schools.size(); r++) {
            schoolIds.add(schools.text(r, "school_id"));
        }
        for (int r = 0; r < pupils.size(); r++) {
            assertTrue(schoolIds.contains(pupils.text(r, "school_id")));
            assertTrue(Set.of("2015", "2016").contains(pupils.text(r, "cohort")));
            assertTrue(Set.of("autumn", "spring", "summer").contains(pupils.text(r, "season_of_birth")));
            String q = pupils.text(r, "ks2_quartile"), low = pupils.text(r, "low_prior");
            assertEquals(q.isEmpty(), low.isEmpty(), "low_prior missing exactly when ks2_quartile is");
            if (q.equals("1")) {
                assertEquals("1", low);
            } else if (q.equals("3") || q.equals("4")) {
                assertEquals("0", low);
            }
            double idaci = pupils.number(r, "idaci");
            assertTrue(Double.isNaN(idaci) || idaci > 0 && idaci < 1);
            double ks4 = pupils.number(r, "ks4_points"), ex = pupils.number(r, "ks4_points_ex"), tf = pupils.number(r, "tf_goal");
            if (!Double.isNaN(ks4)) {
                assertTrue(ks4 >= 0 && ks4 <= 464 && ex <= ks4 && tf >= ex, "row " + r);
            }
            double abs = pupils.number(r, "absence");
            assertTrue(Double.isNaN(abs) || abs >= 0 && abs == Math.rint(abs));
        }
    }

    @Test
    void attainmentHasTheSeedsIntraClassCorrelation() {
        Map<String, List<Double>> bySchool = new TreeMap<>();
        double sum = 0;
        int n = 0;
        for (int r = 0; r < pupils.size(); r++) {
            double y = pupils.number(r, "ks4_points");
            if (pupils.text(r, "cohort").equals("2016") && !Double.isNaN(y)) {
                bySchool.computeIfAbsent(pupils.text(r, "school_id"), k -> new ArrayList<>()).add(y);
                sum += y;
                n++;
            }
        }
        double icc = oneWayAnovaIcc(bySchool);
        assertTrue(icc > 0.05 && icc < 0.15, "ICC " + icc);
        double z = (sum / n - PupilMatchedDemo.KS4_MEAN) / PupilMatchedDemo.KS4_SD;
        assertTrue(z > -0.4 && z < 0, "mean standardised KS4 points " + z + " (000: about -0.2)");
    }

    @Test
    void planLoadsAndCostReproducesSeedTables12And13() {
        StudyPlan plan = PlanLoader.load(dir.resolve("study.yaml"));
        assertEquals("pupil-matched", plan.design());
        assertEquals(SEED, plan.seed());
        assertEquals("interested", plan.pool());
        assertEquals(List.of("ptac5em", "ttapsgcp", "b8vamea", "pnumeal", "ofsted_lm_good"), plan.matching().covariates());
        assertEquals(8, plan.outcomes().size());
        StudyPlan.Outcome primary = plan.outcomes().get(0);
        assertEquals("primary", primary.role());
        assertEquals(PupilMatchedDemo.KS4_MEAN, primary.referenceMean());
        assertEquals("2016", primary.subset().value());
        assertEquals(4, plan.subgroups().size());
        assertEquals(1.0, plan.onTreatment().get(0).min());
        CostResult school = CostModel.compute(plan.cost(), "school");
        assertEquals(45_987.50, school.costPerSchoolHorizon(), 1e-6);
        assertEquals(49.40, school.costPerPupilHorizon(), 0.005);
        assertEquals(16.47, school.costPerPupilPerYear(), 0.005);
        CostResult both = CostModel.compute(plan.cost(), "school+government");
        assertEquals(214_612.50, both.costPerSchoolHorizon(), 1e-6);
        assertEquals(76.84, both.costPerPupilPerYear(), 0.005);
    }

    /** One-way ANOVA estimator (MSB - MSW) / (MSB + (n0 - 1) MSW), n0 the adjusted mean group size. */
    static double oneWayAnovaIcc(Map<String, List<Double>> groups) {
        int n = 0, k = groups.size();
        double total = 0, sumSq = 0;
        for (List<Double> g : groups.values()) {
            for (double y : g) {
                total += y;
            }
            n += g.size();
            sumSq += g.size() * (double) g.size();
        }
        double grand = total / n, ssb = 0, ssw = 0;
        for (List<Double> g : groups.values()) {
            double m = g.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            ssb += g.size() * (m - grand) * (m - grand);
            for (double y : g) {
                ssw += (y - m) * (y - m);
            }
        }
        double msb = ssb / (k - 1), msw = ssw / (n - k), n0 = (n - sumSq / n) / (k - 1);
        return (msb - msw) / (msb + (n0 - 1) * msw);
    }

    private static double mean(double[] acc) {
        return acc[0] / acc[1];
    }

    private static int rowOf(DemoTable t, String column, String value) {
        for (int r = 0; r < t.size(); r++) {
            if (t.text(r, column).equals(value)) {
                return r;
            }
        }
        throw new AssertionError(value + " not found");
    }
}
