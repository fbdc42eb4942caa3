package org.padlock.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.padlock.Reference;
import org.padlock.data.Frame;
import org.padlock.data.MissingPolicy;
import org.padlock.data.ModelMatrix;
import org.padlock.data.ModelMatrixBuilder;
import org.padlock.data.TableReader;
import org.padlock.estimation.ols.WeightedLeastSquares;
import org.padlock.estimation.ols.WlsFit;

/**
 * CR2 with Satterthwaite df against R clubSandwich 0.5.8 ({@code vcovCR(type = "CR2")},
 * {@code coef_test(test = "Satterthwaite")}): the 40-school data of reference/cluster (all seven
 * coefficients and the full matrix), the two-period DiD of reference/did (30 partnerships), and the small unbalanced data of reference/cr2 (a cluster of one
 * pupil; pupil-level weights; cluster fixed effects, where every {@code I - H_gg} is singular).
 * Tolerances: standard errors and covariance entries 1e-9 relative; df 1e-8 relative; p-values and
 * interval ends 1e-9 absolute (JSON keeps 15 significant digits). Every case is run through both routes
 * of the estimator: the direct {@code n_g x n_g} eigen-decomposition and the low-rank one.
 */
class Cr2ReferenceTest {
    static final JsonNode REF = Reference.json("cr2/cr2_reference.json");
    static final Frame SMALL = TableReader.read(Reference.file("cr2/cr2_data.csv"), Set.of("school"));

    record Fitted(WlsFit fit, String[] clusters) {
    }

    static Fitted small(boolean weighted, boolean fixedEffects) {
        int[] rows = java.util.stream.IntStream.range(0, SMALL.rowCount()).toArray();
        List<String> covs = fixedEffects ? List.of("x1", "school") : List.of("treat", "x1");
        ModelMatrix x = ModelMatrixBuilder.build(SMALL, rows, covs, Set.of("school"), MissingPolicy.DROP, true, true);
        double[] y = SMALL.numeric("y").values();
        double[] w = weighted ? SMALL.numeric("w").values() : null;
        String[] cl = new String[rows.length];
        for (int i = 0; i < rows.length; i++) {
            cl[i] = SMALL.text("school").get(i);
        }
        return new Fitted(WeightedLeastSquares.fit(x, y, w), cl);
    }

    private static void checkTerm(JsonNode c, CoefficientTest t, String what) {
        assertEquals(c.get("estimate").asDouble(), t.estimate(), 1e-9, what + " estimate");
        assertRel(c.get("se").asDouble(), t.stdError(), 1e-9, what + " se");
        assertRel(c.get("df_satterthwaite").asDouble(), t.df(), 1e-8, what + " df");
        assertEquals(c.get("t_stat").asDouble(), t.t(), 1e-8, what + " t");
        assertEquals(c.get("p_satterthwaite").asDouble(), t.pValue(), 1e-9, what + " p");
        assertEquals(c.get("ci_lower").asDouble(), t.ciLow(), 1e-9, what + " ci");
        assertEquals(c.get("ci_upper").asDouble(), t.ciHigh(), 1e-9, what + " ci");
    }

    private static void assertRel(double expected, double actual, double tol, String what) {
        assertEquals(expected, actual, tol * Math.abs(expected), what);
    }

    private void checkSmall(String block, boolean weighted, boolean inverseVar, boolean fe) {
        for (int route : new int[] {0, Integer.MAX_VALUE}) {
            checkSmall(block, weighted, inverseVar, fe, route);
        }
    }

    private void checkSmall(String block, boolean weighted, boolean inverseVar, boolean fe, int lowRankAbove) {
        Fitted f = small(weighted, fe);
        Cr2Covariance v = Cr2Covariance.of(f.fit(), f.clusters(), inverseVar, lowRankAbove);
        assertEquals(9, v.clusters());
        JsonNode b = REF.get("cr2").get(block);
        for (String term : fe ? List.of("x1") : List.of("treat", "x1")) {
            checkTerm(b.get(term), v.test(f.fit(), term), block + " " + term);
        }
        if (fe) {
            assertTrue(v.diagnostics().get(0).startsWith("9 of 9 clusters have a singular"), v.diagnostics().toString());
        }
    }

    @Test
    void weightedUnbalancedWithAClusterOfOne() {
        checkSmall("weighted", true, false, false);
    }

    @Test
    void weightedInverseVariance() {
        checkSmall("weighted_inverse_var", true, true, false);
    }

    @Test
    void unweightedUnbalanced() {
        checkSmall("unweighted", false, false, false);
    }

    @Test
    void clusterFixedEffectsMakeEveryBlockSingular() {
        checkSmall("fe_weighted", true, false, true);
        checkSmall("fe_unweighted", false, false, true);
    }

    private void checkForty(boolean weighted, String block, boolean inverseVar) {
        for (int route : new int[] {0, 14, Integer.MAX_VALUE}) {
            checkForty(weighted, block, inverseVar, route);
        }
    }

    private void checkForty(boolean weighted, String block, boolean inverseVar, int lowRankAbove) {
        String[][] cl = new String[1][];
        WlsFit fit = ClusterReferenceTest.fit(weighted, cl);
        Cr2Covariance v = Cr2Covariance.of(fit, cl[0], inverseVar, lowRankAbove);
        JsonNode b = REF40.get(weighted ? "weighted" : "unweighted").get(block);
        List<String> rNames = Arrays.asList(new String[] {"(Intercept)", "treat", "x1", "x2", "x2_missing", "fb", "fc"});
        assertEquals(fit.names().size(), rNames.size());
        double[][] m = v.matrix();
        for (int a = 0; a < m.length; a++) {
            for (int c = 0; c < m.length; c++) {
                double e = b.get("vcov").get(a).get(c).asDouble();
                assertEquals(e, m[a][c], 1e-9 * Math.sqrt(Math.abs(b.get("vcov").get(a).get(a).asDouble()
                        * b.get("vcov").get(c).get(c).asDouble())), "vcov " + a + "," + c);
            }
        }
        for (int j = 0; j < rNames.size(); j++) {
            checkTerm(b.get("coefficients").get(rNames.get(j)), v.test(fit, fit.names().get(j)), block + " " + rNames.get(j));
        }
        assertTrue(v.diagnostics().isEmpty());
    }

    static final JsonNode REF40 = Reference.json("cluster/cluster_reference.json");

    @Test
    void fortySchoolsWeighted() {
        checkForty(true, "cr2", false);
    }

    @Test
    void fortySchoolsWeightedInverseVariance() {
        checkForty(true, "cr2_inverse_var", true);
    }

    @Test
    void fortySchoolsUnweighted() {
        checkForty(false, "cr2", false);
    }

    @Test
    void differenceInDifferencesByPartnership() {
        Frame did = TableReader.read(Reference.file("did/did_data.csv"), Set.of("id", "partnership"));
        JsonNode ref = Reference.json("did/did_reference.json");
        double[] pre = did.numeric("pre").values();
        double[] y = did.numeric("post").values();
        for (int i = 0; i < y.length; i++) {
            y[i] -= pre[i];
        }
        for (List<String> covs : List.of(List.of("treat"), List.of("treat", "z"))) {
            ModelMatrix x = ModelMatrixBuilder.build(did, ModelMatrixBuilder.allRows(did), covs, Set.of(), MissingPolicy.DROP,
                    true, true);
            WlsFit fit = WeightedLeastSquares.fit(x, y, null);
            for (int route : new int[] {0, Integer.MAX_VALUE}) {
                Cr2Covariance v = Cr2Covariance.of(fit, did.text("partnership").values(), false, route);
                JsonNode block = ref.get(covs.size() == 1 ? "change_on_treat" : "change_on_treat_z").get("coefficients");
                for (String term : fit.names()) {
                    JsonNode c = block.get(term).get("cr2").deepCopy();
                    ((com.fasterxml.jackson.databind.node.ObjectNode) c).set("estimate", block.get(term).get("estimate"));
                    checkTerm(c, v.test(fit, term), "did " + covs + " " + term);
                }
            }
        }
    }

    @Test
    void oneClusterGivesADiagnosticAndNaN() {
        Fitted f = small(true, false);
        String[] one = new String[f.clusters().length];
        Arrays.fill(one, "only");
        Cr2Covariance v = Cr2Covariance.of(f.fit(), one, false);
        CoefficientTest t = v.test(f.fit(), "treat");
        assertTrue(Double.isNaN(t.stdError()) && Double.isNaN(t.pValue()) && Double.isNaN(t.df()));
        assertEquals(1, v.diagnostics().size());
        assertTrue(v.diagnostics().get(0).contains("only one cluster"));
    }
}
