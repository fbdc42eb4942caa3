package org.padlock.evaluation.placebo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.padlock.demo.NationalKs2Panel;
import org.padlock.inference.BootstrapWeights;

/** The inference methods of the placebo study: determinism of the whole harness, and RI against an enumeration written here. */
class PlaceboInferenceTest {
    private static List<InferenceMethod> all(int b) {
        return List.of(InferenceMethod.cr1(), InferenceMethod.cr2(), InferenceMethod.wild(b, BootstrapWeights.RADEMACHER),
                InferenceMethod.wild(b, BootstrapWeights.WEBB), InferenceMethod.randomisation(b, "t"),
                InferenceMethod.randomisation(b, "coef"));
    }

    @Test
    void allMethodsAreDeterministicBySeed() {
        var panel = NationalKs2Panel.frame();
        // 4 partnerships, B = 49: Webb (6^4 = 1296 vectors) and RI (choose(8, 4) = 70 assignments) both draw at random,
        // so the per-draw seeds matter; Rademacher (2^4 = 16 vectors) is enumerated
        PlaceboResult a = PlaceboHarness.run(panel, PlaceboSpec.defaults(2, 5, 4), all(49), s -> { });
        PlaceboResult b = PlaceboHarness.run(panel, PlaceboSpec.defaults(2, 5, 4), all(49), s -> { });
        assertEquals(a, b);
        assertEquals(12, a.summaries().size());
        assertEquals(List.of("cr1", "cr2", "wild_rademacher", "wild_webb", "ri_t", "ri_coef"), List.copyOf(a.methods().keySet()));
        for (MethodSummary m : a.summaries()) {
            assertTrue(m.replications() > 0, m.toString());
        }
    }

    @Test
    void seedsDifferByDrawAndOutcomeAndDependOnTheRunSeedOnly() {
        Set<Long> seen = new HashSet<>();
        for (int r = 0; r < 50; r++) {
            for (int o = 0; o < 2; o++) {
                assertTrue(seen.add(PlaceboHarness.inferenceSeed(20260101, r, o)));
            }
        }
        assertEquals(PlaceboHarness.inferenceSeed(1, 3, 1), PlaceboHarness.inferenceSeed(1, 3, 1));
        assertNotEquals(PlaceboHarness.inferenceSeed(1, 3, 1), PlaceboHarness.inferenceSeed(2, 3, 1));
    }

    /**
     * Three partnerships, each with treated schools and matched controls of unequal sizes and weights: six
     * arms, three treated, choose(6, 3) = 20 assignments. The p-values are recomputed here by looping over
     * the 20 assignments with the closed forms for an intercept + dummy regression: the coefficient is the
     * difference of weighted means and the CR1 variance is {@code c sum_g s_g^2}, {@code s_g = sum_{i in g}
     * w_i (d_i / W1 - (1 - d_i) / W0) e_i}, {@code c = G/(G-1) (n-1)/(n-2)}.
     */
    @Test
    void randomisationPValueEqualsAFullEnumeration() {
        String[] cl = {"A", "A", "A", "A", "A", "B", "B", "B", "C", "C", "C", "C", "C", "C"};
        double[] tr = {1, 1, 0, 0, 0, 1, 0, 0, 1, 1, 1, 0, 0, 0};
        double[] y = {2.5, 1.0, -0.3, 0.4, 1.1, -2.0, 0.7, 0.1, 3.2, 0.9, 1.6, -1.4, 0.2, 0.5};
        double[] w = {1, 1, 0.5, 1.5, 1, 1, 2, 1, 1, 1, 1, 1, 0.5, 1.5};
        DidFit fit = PlaceboHarness.fit(y, tr, w, cl, 99);
        String[] arm = fit.armArray();
        List<String> arms = new ArrayList<>(new java.util.TreeSet<>(List.of(arm)));
        assertEquals(List.of("A:C", "A:T", "B:C", "B:T", "C:C", "C:T"), arms);
        double[] obs = stats(y, w, arm, arms, s -> s.endsWith(":T"));
        int[] ge = new int[2];
        int count = 0;
        for (int mask = 0; mask < 64; mask++) {
            if (Integer.bitCount(mask) != 3) {
                continue;
            }
            int mk = mask;
            double[] st = stats(y, w, arm, arms, s -> (mk >> arms.indexOf(s) & 1) == 1);
            count++;
            for (int q = 0; q < 2; q++) {
                ge[q] += Math.abs(st[q]) >= Math.abs(obs[q]) * (1 - 1e-10) ? 1 : 0;
            }
        }
        assertEquals(20, count);
        // B = 20 >= 20 assignments: enumerated, exact p = #/20
        assertEquals(ge[0] / 20.0, InferenceMethod.randomisation(20, "coef").pValue().applyAsDouble(fit), 1e-15);
        assertEquals(ge[1] / 20.0, InferenceMethod.randomisation(20, "t").pValue().applyAsDouble(fit), 1e-15);
        assertTrue(ge[0] < 20 && ge[1] < 20, "the case must not be trivial: " + ge[0] + ", " + ge[1]);
        assertEquals(obs[0], fit.estimate(), 1e-12);
        // B = 19 < 20: random assignments, p a multiple of 1/20 and reproducible
        double p = InferenceMethod.randomisation(19, "coef").pValue().applyAsDouble(fit);
        assertEquals(Math.rint(p * 20), p * 20, 1e-9);
        assertEquals(p, InferenceMethod.randomisation(19, "coef").pValue().applyAsDouble(fit));
        assertThrows(IllegalArgumentException.class, () -> InferenceMethod.randomisation(19, "z"));
    }

    /** {coefficient, CR1 t (clusters = arms)} of the intercept + dummy regression with treated arms chosen by {@code treated}. */
    private static double[] stats(double[] y, double[] w, String[] arm, List<String> arms, java.util.function.Predicate<String> treated) {
        int n = y.length;
        double w1 = 0;
        double w0 = 0;
        double s1 = 0;
        double s0 = 0;
        boolean[] d = new boolean[n];
        for (int i = 0; i < n; i++) {
            d[i] = treated.test(arm[i]);
            if (d[i]) {
                w1 += w[i];
                s1 += w[i] * y[i];
            } else {
                w0 += w[i];
                s0 += w[i] * y[i];
            }
        }
        double m1 = s1 / w1;
        double m0 = s0 / w0;
        double[] score = new double[arms.size()];
        for (int i = 0; i < n; i++) {
            double e = y[i] - (d[i] ? m1 : m0);
            score[arms.indexOf(arm[i])] += w[i] * (d[i] ? 1 / w1 : -1 / w0) * e;
        }
        int g = arms.size();
        double v = 0;
        for (double s : score) {
            v += s * s;
        }
        v *= (double) g / (g - 1) * (n - 1.0) / (n - 2.0);
        return new double[] {m1 - m0, (m1 - m0) / Math.sqrt(v)};
    }
}
