package org.padlock.estimation.mixed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.padlock.EstimationException;
import org.padlock.Reference;
import org.padlock.data.Frame;
import org.padlock.data.MissingPolicy;
import org.padlock.data.ModelMatrix;
import org.padlock.data.ModelMatrixBuilder;
import org.padlock.data.TableReader;

/**
 * The random-intercept model against lme4 1.1.31 {@code lmer} (reference/cluster and
 * reference/mixed; theta optimised in R by Brent to 1e-12). Tolerances: fixed effects, their
 * standard errors and the variance components 1e-6 relative (optimiser precision); log-likelihood
 * and REML criterion 1e-6 absolute.
 */
class MixedModelReferenceTest {
    static final Frame CLUSTER = TableReader.read(Reference.file("cluster/cluster_data.csv"), Set.of("school", "pupil"));
    static final Frame UNBAL = TableReader.read(Reference.file("mixed/unbalanced_data.csv"), Set.of("school", "pupil"));
    static final Frame BOUND = TableReader.read(Reference.file("mixed/boundary_data.csv"), Set.of("school"));
    static final JsonNode CREF = Reference.json("cluster/cluster_reference.json").get("lmer");
    static final JsonNode MREF = Reference.json("mixed/mixed_reference.json");

    static MixedFit fit(Frame d, List<String> covs, String weight, boolean reml) {
        var y = d.numeric("y");
        int[] rows = java.util.stream.IntStream.range(0, d.rowCount()).filter(i -> !y.isMissing(i)).toArray();
        ModelMatrix x = ModelMatrixBuilder.build(d, rows, covs, Set.of(), MissingPolicy.INDICATOR, true, true);
        double[] yv = new double[rows.length];
        double[] w = weight == null ? null : new double[rows.length];
        String[] g = new String[rows.length];
        for (int k = 0; k < rows.length; k++) {
            yv[k] = y.get(rows[k]);
            g[k] = d.text("school").get(rows[k]);
            if (w != null) {
                w[k] = d.numeric(weight).get(rows[k]);
            }
        }
        return RandomInterceptModel.fit(x, yv, w, g, reml);
    }

    private static String rName(String ours) {
        return switch (ours) {
            case "f_b" -> "fb";
            case "f_c" -> "fc";
            default -> ours;
        };
    }

    private static void rel(double expected, double actual, double tol, String what) {
        assertEquals(expected, actual, tol * Math.max(Math.abs(expected), 1e-3), what);
    }

    static void check(JsonNode ref, MixedFit f) {
        assertEquals(ref.get("n").asLong(), f.n());
        assertEquals(ref.get("n_groups").asInt(), f.groups());
        assertEquals(ref.get("reml").asBoolean(), f.reml());
        assertEquals(ref.get("coefficient_names").size(), f.names().size());
        Iterator<String> it = ref.get("fixed_effects").fieldNames();
        for (String ours : f.names()) {
            String r = it.next();
            assertEquals(r, rName(ours));
            JsonNode c = ref.get("fixed_effects").get(r);
            rel(c.get("estimate").asDouble(), f.coefficient(ours), 1e-6, "estimate " + r);
            rel(c.get("std_error").asDouble(), f.stdError(ours), 1e-6, "se " + r);
        }
        rel(ref.get("var_school_intercept").asDouble(), f.sigma2Between(), 1e-6, "tau2");
        rel(ref.get("var_residual").asDouble(), f.sigma2Within(), 1e-6, "sigma2");
        rel(ref.get("icc").asDouble(), f.icc(), 1e-6, "icc");
        assertEquals(ref.get("log_likelihood").asDouble(), f.logLikelihood(), 1e-6, "logLik");
        if (f.reml()) {
            assertEquals(ref.get("reml_criterion").asDouble(), f.deviance(), 1e-6, "REMLcrit");
        }
    }

    @Test
    void clusterDataAllFourFits() {
        List<String> full = List.of("treat", "x1", "x2", "f");
        check(CREF.get("full_reml"), fit(CLUSTER, full, null, true));
        check(CREF.get("full_ml"), fit(CLUSTER, full, null, false));
        check(CREF.get("null_reml"), fit(CLUSTER, List.of(), null, true));
        check(CREF.get("null_ml"), fit(CLUSTER, List.of(), null, false));
        assertEquals(0.0552506208174495, fit(CLUSTER, List.of(), null, true).icc(), 1e-7);
    }

    @Test
    void unbalancedGroupsWithSingletons() {
        JsonNode u = MREF.get("unbalanced");
        List<String> full = List.of("treat", "ses", "x1");
        check(u.get("full_reml"), fit(UNBAL, full, null, true));
        check(u.get("full_ml"), fit(UNBAL, full, null, false));
        check(u.get("null_reml"), fit(UNBAL, List.of(), null, true));
        check(u.get("null_ml"), fit(UNBAL, List.of(), null, false));
    }

    @Test
    void precisionWeightsAsLmer() {
        List<String> full = List.of("treat", "x1", "x2", "f");
        check(MREF.get("weighted").get("reml"), fit(CLUSTER, full, "w", true));
        check(MREF.get("weighted").get("ml"), fit(CLUSTER, full, "w", false));
    }

    @Test
    void boundaryIsASingularFitWithADiagnostic() {
        for (String k : List.of("reml", "ml")) {
            JsonNode r = MREF.get("boundary").get(k);
            assertTrue(r.get("is_singular_default_optimizer").asBoolean());
            MixedFit f = fit(BOUND, List.of("treat"), null, k.equals("reml"));
            check(r, f);
            assertTrue(f.singular());
            assertEquals(0.0, f.sigma2Between(), 1e-12);
            assertTrue(f.diagnostics().stream().anyMatch(s -> s.startsWith("singular fit")));
        }
        assertFalse(fit(UNBAL, List.of(), null, true).singular());
    }

    @Test
    void degreesOfFreedomBetweenWithin() {
        MixedFit f = fit(UNBAL, List.of("treat", "ses", "x1"), null, true);
        // intercept, treat and ses are school-level (p2 = 3), x1 varies within schools
        assertEquals(30 - 3, f.test("treat").df(), 0);
        assertEquals(955 - 30 - 1, f.test("x1").df(), 0);
    }

    @Test
    void oneGroupIsAnEstimationError() {
        ModelMatrix x = new ModelMatrix(List.of("(Intercept)"), new double[][] {{1, 1, 1}}, new int[] {0, 1, 2});
        assertThrows(EstimationException.class,
                () -> RandomInterceptModel.fit(x, new double[] {1, 2, 3}, null, new String[] {"a", "a", "a"}, true));
    }

    @Test
    void collinearTermIsDroppedAndReportedAsLmerDoes() {
        var y = UNBAL.numeric("y");
        ModelMatrix x = ModelMatrixBuilder.build(UNBAL, ModelMatrixBuilder.allRows(UNBAL), List.of("treat", "ses", "x1"),
                Set.of(), MissingPolicy.DROP, true, true);
        double[] twice = x.column("x1").clone();
        for (int i = 0; i < twice.length; i++) {
            twice[i] *= 2;
        }
        double[][] cols = java.util.Arrays.copyOf(x.x(), 5);
        cols[4] = twice;
        ModelMatrix withCopy = new ModelMatrix(List.of("(Intercept)", "treat", "ses", "x1", "x1_twice"), cols, x.rows());
        MixedFit f = RandomInterceptModel.fit(withCopy, y.values(), null, UNBAL.text("school").values(), true);
        assertEquals(List.of("x1_twice"), f.dropped());
        assertTrue(f.diagnostics().get(0).contains("x1_twice"));
        check(MREF.get("unbalanced").get("full_reml"), f);
    }

    @Test
    void oneObservationPerGroupAndZeroWeights() {
        ModelMatrix x = new ModelMatrix(List.of("(Intercept)"), new double[][] {{1, 1, 1}}, new int[] {0, 1, 2});
        assertThrows(EstimationException.class,
                () -> RandomInterceptModel.fit(x, new double[] {1, 2, 3}, null, new String[] {"a", "b", "c"}, true));
        // rows with weight 0 are left out, as in lm: the fit equals the fit without them
        var y = UNBAL.numeric("y");
        ModelMatrix u = ModelMatrixBuilder.build(UNBAL, ModelMatrixBuilder.allRows(UNBAL), List.of("treat"), Set.of(),
                MissingPolicy.DROP, true, true);
        double[] w = new double[y.size()];
        java.util.Arrays.fill(w, 1.0);
        double[] yy = y.values();
        yy[0] = 1e6;
        w[0] = 0;
        String[] g = UNBAL.text("school").values();
        MixedFit zero = RandomInterceptModel.fit(u, yy, w, g, true);
        int[] rest = java.util.stream.IntStream.range(1, y.size()).toArray();
        ModelMatrix ur = ModelMatrixBuilder.build(UNBAL, rest, List.of("treat"), Set.of(), MissingPolicy.DROP, true, true);
        MixedFit without = RandomInterceptModel.fit(ur, java.util.Arrays.copyOfRange(y.values(), 1, y.size()), null,
                java.util.Arrays.copyOfRange(g, 1, g.length), true);
        assertEquals(without.coefficient("treat"), zero.coefficient("treat"), 1e-10);
        assertEquals(without.n(), zero.n());
    }

    @Test
    void mergedPartitionsGiveTheSameFit() {
        var y = UNBAL.numeric("y");
        int n = UNBAL.rowCount();
        ModelMatrix x = ModelMatrixBuilder.build(UNBAL, ModelMatrixBuilder.allRows(UNBAL), List.of("treat", "x1"), Set.of(),
                MissingPolicy.DROP, true, true);
        double[] w = new double[n];
        java.util.Arrays.fill(w, 1.0);
        String[] g = UNBAL.text("school").values();
        GroupedStatistics a = new GroupedStatistics(3);
        GroupedStatistics b = new GroupedStatistics(3);
        int h = n / 2;
        a.add(slice(x.x(), 0, h), java.util.Arrays.copyOfRange(y.values(), 0, h), java.util.Arrays.copyOfRange(w, 0, h),
                java.util.Arrays.copyOfRange(g, 0, h));
        b.add(slice(x.x(), h, n), java.util.Arrays.copyOfRange(y.values(), h, n), java.util.Arrays.copyOfRange(w, h, n),
                java.util.Arrays.copyOfRange(g, h, n));
        a.merge(b);
        MixedFit merged = RandomInterceptModel.fit(a, x.names(), true);
        MixedFit whole = RandomInterceptModel.fit(x, y.values(), null, g, true);
        assertEquals(whole.coefficient("treat"), merged.coefficient("treat"), 1e-10);
        assertEquals(whole.logLikelihood(), merged.logLikelihood(), 1e-9);
    }

    private static double[][] slice(double[][] x, int from, int to) {
        double[][] out = new double[x.length][];
        for (int j = 0; j < x.length; j++) {
            out[j] = java.util.Arrays.copyOfRange(x[j], from, to);
        }
        return out;
    }
}
