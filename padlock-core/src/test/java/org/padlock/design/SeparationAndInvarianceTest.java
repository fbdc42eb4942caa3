package org.padlock.design;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.padlock.EstimationException;
import org.padlock.data.Frame;
import org.padlock.data.NumericColumn;
import org.padlock.data.TextColumn;

/**
 * Separation is detected and named; matching is invariant to the order of rows (for a fixed order
 * rule and data without tied scores) and to the names of columns.
 */
class SeparationAndInvarianceTest {
    /** Synthetic data: two continuous covariates and a 3-level factor, no ties (seeded). */
    static Frame synthetic(int n, long seed, int[] perm, String idName, String x1Name) {
        SplittableRandom r = new SplittableRandom(seed);
        String[] id = new String[n];
        double[] t = new double[n];
        double[] x1 = new double[n];
        double[] x2 = new double[n];
        String[] g = new String[n];
        for (int i = 0; i < n; i++) {
            id[i] = "u" + i;
            x1[i] = r.nextGaussian();
            x2[i] = r.nextGaussian();
            g[i] = "abc".substring(r.nextInt(3)).substring(0, 1);
            double eta = -1.2 + 0.8 * x1[i] - 0.5 * x2[i] + (g[i].equals("b") ? 0.4 : 0);
            t[i] = r.nextDouble() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
        }
        String[] pid = new String[n];
        double[] pt = new double[n];
        double[] p1 = new double[n];
        double[] p2 = new double[n];
        String[] pg = new String[n];
        for (int k = 0; k < n; k++) {
            int i = perm == null ? k : perm[k];
            pid[k] = id[i];
            pt[k] = t[i];
            p1[k] = x1[i];
            p2[k] = x2[i];
            pg[k] = g[i];
        }
        return new Frame("synthetic.csv", List.of(new TextColumn(idName, pid), new NumericColumn("treat", pt),
                new NumericColumn(x1Name, p1), new NumericColumn("x2", p2), new TextColumn("g", pg)));
    }

    static Map<String, String> outcome(Frame f, String idName, MatchSpec spec) {
        List<String> cols = new ArrayList<>(org.padlock.data.ModelTerms.columns(spec.covariates()));
        DesignResult r = DesignStage.run(OutcomeBlindView.of(f, idName, "treat", cols, Set.of()), spec, null);
        MatchedSample m = r.sample();
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i < m.size(); i++) {
            out.put(m.ids().get(i), m.weight()[i] + "/" + m.subclass()[i] + "/" + m.pscore()[i]);
        }
        return out;
    }

    static MatchSpec nearest(List<String> covs, double caliper) {
        return new MatchSpec(covs, List.of(), List.of(), Link.LOGIT, MatchSpec.Distance.PS, 1, false, caliper,
                MatchSpec.CaliperScale.SD, MatchSpec.Discard.NONE, MatchSpec.Order.LARGEST, 0, MatchSpec.WeightConvention.MATCHIT);
    }

    /** Agreement up to rounding of the score (the fit sums in a different order). */
    static void assertSame(Map<String, String> a, Map<String, String> b) {
        assertEquals(a.keySet(), b.keySet());
        for (String k : a.keySet()) {
            String[] x = a.get(k).split("/");
            String[] y = b.get(k).split("/");
            assertEquals(x[0], y[0], "weight of " + k);
            assertEquals(x[1], y[1], "subclass of " + k);
            assertEquals(Double.parseDouble(x[2]), Double.parseDouble(y[2]), 1e-12, "score of " + k);
        }
    }

    @Test
    void shufflingRowsGivesTheSameMatches() {
        int n = 400;
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        SplittableRandom r = new SplittableRandom(7);
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int tmp = perm[i];
            perm[i] = perm[j];
            perm[j] = tmp;
        }
        Frame a = synthetic(n, 11, null, "id", "x1");
        Frame b = synthetic(n, 11, perm, "id", "x1");
        List<String> covs = List.of("x1", "x2", "g", "x1:x2");
        for (MatchSpec s : List.of(nearest(covs, Double.NaN), nearest(covs, 0.1),
                nearest(covs, 0.2).withMethod(MatchSpec.Method.NEAREST, List.of("x1", "x2"), null, 0.06, false, 0),
                nearest(covs, Double.NaN).withMethod(MatchSpec.Method.KERNEL, List.of(), MatchSpec.Kernel.EPANECHNIKOV, 0.06,
                        false, 0))) {
            Map<String, String> x = outcome(a, "id", s);
            assertTrue(x.values().stream().anyMatch(v -> !v.startsWith("0.0/")), "something is matched");
            if (s.method() == MatchSpec.Method.KERNEL) {
                // kernel weights are sums of floating-point terms in row order: compare to 1e-12
                Map<String, String> y = outcome(b, "id", s);
                for (String k : x.keySet()) {
                    assertEquals(Double.parseDouble(x.get(k).split("/")[0]), Double.parseDouble(y.get(k).split("/")[0]), 1e-12);
                }
            } else {
                assertSame(x, outcome(b, "id", s));
            }
        }
    }

    @Test
    void renamingColumnsChangesNothing() {
        Frame a = synthetic(300, 5, null, "id", "x1");
        Frame b = synthetic(300, 5, null, "pupil_ref", "ks2_score");
        Map<String, String> x = outcome(a, "id", nearest(List.of("x1", "x2", "g", "I(x1^2)"), 0.2));
        Map<String, String> y = outcome(b, "pupil_ref", nearest(List.of("ks2_score", "x2", "g", "I(ks2_score^2)"), 0.2));
        assertEquals(x, y);
    }

    /** x = 1 only among treated units: quasi-complete separation, named. */
    @Test
    void quasiCompleteSeparationIsDetectedAndNamed() {
        int n = 40;
        double[] t = new double[n];
        double[] x = new double[n];
        double[] z = new double[n];
        String[] id = new String[n];
        for (int i = 0; i < n; i++) {
            id[i] = "u" + i;
            t[i] = i < 15 ? 1 : 0;
            x[i] = i < 6 ? 1 : 0;
            z[i] = Math.sin(i * 1.7);
        }
        Frame f = new Frame("sep.csv", List.of(new TextColumn("id", id), new NumericColumn("treat", t), new NumericColumn("x", x),
                new NumericColumn("z", z)));
        EstimationException e = assertThrows(EstimationException.class,
                () -> DesignStage.run(OutcomeBlindView.of(f, "id", "treat", List.of("x", "z"), Set.of()), nearest(List.of("x", "z"),
                        Double.NaN), null));
        assertTrue(e.getMessage().contains("separation in the propensity model"), e.getMessage());
        assertTrue(e.getMessage().contains("x (value 1 only among treated, 6 units)"), e.getMessage());
        assertFalse(e.getMessage().contains("z ("), e.getMessage());
    }

    /** A continuous covariate that splits the groups: complete separation. */
    @Test
    void completeSeparationIsDetected() {
        int n = 30;
        double[] t = new double[n];
        double[] x = new double[n];
        String[] id = new String[n];
        for (int i = 0; i < n; i++) {
            id[i] = "u" + i;
            t[i] = i % 3 == 0 ? 1 : 0;
            x[i] = t[i] == 1 ? 10 + i * 0.1 : i * 0.1;
        }
        Frame f = new Frame("sep.csv", List.of(new TextColumn("id", id), new NumericColumn("treat", t), new NumericColumn("x", x)));
        EstimationException e = assertThrows(EstimationException.class,
                () -> DesignStage.run(OutcomeBlindView.of(f, "id", "treat", List.of("x"), Set.of()), nearest(List.of("x"),
                        Double.NaN), null));
        assertTrue(e.getMessage().contains("x (every control value <= every treated value)"), e.getMessage());
    }

    @Test
    void lalondeIsNotSeparated() {
        PropensityFit fit = LalondeReferenceTest.run(LalondeReferenceTest.spec(Double.NaN, MatchSpec.Discard.NONE, List.of(),
                MatchSpec.Distance.PS)).propensity();
        assertFalse(fit.separation().detected());
        assertEquals(0, fit.separation().extremeFitted());
        assertArrayEquals(new String[0], fit.separation().terms().toArray(new String[0]));
    }
}
