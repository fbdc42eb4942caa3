package org.padlock.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.padlock.Reference;

/**
 * Cluster-level randomisation inference against a plain R loop over all {@code choose(9, 4) = 126}
 * re-assignments of the treatment with {@code lm} and a hand-written CR1 (checked against sandwich)
 * in reference/cr2. Tolerances: statistics 1e-9 absolute; p-values exact (counts over the same
 * assignments).
 */
class RandomisationInferenceTest {
    static final JsonNode REF = Reference.json("cr2/cr2_reference.json").get("randomisation");

    @Test
    void enumerationMatchesPlainR() {
        WildClusterBootstrapTest.Data d = WildClusterBootstrapTest.data(WildClusterBootstrapTest.clusters(9));
        RandomisationResult r = RandomisationInference.test(d.fit(), "treat", d.clusters(), 999, 7);
        assertTrue(r.enumerated());
        assertEquals(REF.get("n_assignments").asLong(), r.assignments());
        assertEquals(9, r.clusters());
        assertEquals(4, r.treatedClusters());
        assertEquals(REF.get("coef_obs").asDouble(), r.estimate(), 1e-9);
        assertEquals(REF.get("t_obs").asDouble(), r.t(), 1e-9);
        assertEquals(REF.get("p_coef").asDouble(), r.pCoefficient(), 1e-12);
        assertEquals(REF.get("p_t").asDouble(), r.pT(), 1e-12);
        List<double[]> stats = RandomisationInference.enumeratedStatistics(d.fit(), "treat", d.clusters());
        double[] coefs = stats.stream().mapToDouble(s -> Math.abs(s[0])).sorted().toArray();
        double[] ts = stats.stream().mapToDouble(s -> Math.abs(s[1])).sorted().toArray();
        for (int a = 0; a < coefs.length; a++) {
            assertEquals(REF.get("abs_coef_sorted").get(a).asDouble(), coefs[a], 1e-9, "coef " + a);
            assertEquals(REF.get("abs_t_sorted").get(a).asDouble(), ts[a], 1e-9, "t " + a);
        }
    }

    @Test
    void randomAssignmentsAreSeeded() {
        WildClusterBootstrapTest.Data d = WildClusterBootstrapTest.data(WildClusterBootstrapTest.clusters(9));
        RandomisationResult a = RandomisationInference.test(d.fit(), "treat", d.clusters(), 60, 11);
        RandomisationResult b = RandomisationInference.test(d.fit(), "treat", d.clusters(), 60, 11);
        assertFalse(a.enumerated());
        assertEquals(a, b);
        // (1 + count) / (B + 1): a multiple of 1/61 in (0, 1]
        double scaled = a.pCoefficient() * 61;
        assertEquals(Math.rint(scaled), scaled, 1e-9);
        assertTrue(a.pCoefficient() > 0 && a.pCoefficient() <= 1);
    }

    @Test
    void twoOfFourClustersByHand() {
        // choose(4, 2) = 6 assignments of the 2 treated clusters among C1..C4; count |coef| >= observed by refitting
        WildClusterBootstrapTest.Data d = WildClusterBootstrapTest.data(WildClusterBootstrapTest.clusters(4));
        RandomisationResult r = RandomisationInference.test(d.fit(), "treat", d.clusters(), 100, 1);
        assertEquals(6, r.assignments());
        double obs = Math.abs(r.estimate());
        int count = 0;
        String[] ids = {"C1", "C2", "C3", "C4"};
        for (int a = 0; a < 4; a++) {
            for (int b = a + 1; b < 4; b++) {
                double[] treat = new double[d.clusters().length];
                for (int i = 0; i < treat.length; i++) {
                    treat[i] = d.clusters()[i].equals(ids[a]) || d.clusters()[i].equals(ids[b]) ? 1 : 0;
                }
                double coef = refit(d, treat);
                if (Math.abs(coef) >= obs * (1 - 1e-10)) {
                    count++;
                }
            }
        }
        assertEquals(count / 6.0, r.pCoefficient(), 1e-15);
    }

    /** Treatment coefficient of the weighted regression of y on (1, treat, x1), by the normal equations. */
    private static double refit(WildClusterBootstrapTest.Data d, double[] treat) {
        double[] x1 = WildClusterBootstrapTest.pick(Cr2ReferenceTest.SMALL.numeric("x1").values(), d.rows());
        double[][] xtx = new double[3][3];
        double[] xty = new double[3];
        for (int i = 0; i < treat.length; i++) {
            double[] x = {1, treat[i], x1[i]};
            for (int a = 0; a < 3; a++) {
                xty[a] += d.w()[i] * x[a] * d.y()[i];
                for (int b = 0; b < 3; b++) {
                    xtx[a][b] += d.w()[i] * x[a] * x[b];
                }
            }
        }
        return Linear.mult(Linear.invertSpd(xtx), xty)[1];
    }

    @Test
    void treatmentVaryingWithinAClusterIsRefused() {
        WildClusterBootstrapTest.Data d = WildClusterBootstrapTest.data(WildClusterBootstrapTest.clusters(9));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RandomisationInference.test(d.fit(), "x1", d.clusters(), 10, 1));
        assertTrue(e.getMessage().contains("constant within each cluster"), e.getMessage());
    }

    @Test
    void twoUnitsGiveTwoAssignmentsAndAnExplainedFloor() {
        WildClusterBootstrapTest.Data d = WildClusterBootstrapTest.data(WildClusterBootstrapTest.clusters(9));
        String[] arms = new String[d.clusters().length];
        for (int i = 0; i < arms.length; i++) {
            arms[i] = d.treat()[i] == 1 ? "T" : "U";
        }
        RandomisationResult r = RandomisationInference.test(d.fit(), "treat", arms, 10, 1);
        assertEquals(2, r.assignments());
        assertTrue(r.pCoefficient() == 0.5 || r.pCoefficient() == 1.0, r.toString());
        assertTrue(r.diagnostics().get(0).contains("smallest attainable p-value is 0.5"), r.diagnostics().toString());
    }
}
