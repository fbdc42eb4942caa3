package org.padlock.design;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Matching on small data with expected values derived by hand (MatchIt 4.5.1 is wrong for k:1 with
 * replacement and exact strata without treated units; psmatch2 is not available here). Each test
 * states its derivation. Tolerance 1e-12 (weights are sums of a few ratios).
 */
class MatchingHandDerivedTest {
    static final double TOL = 1e-12;

    /** Units: ids, treated flags and distances (used as score and distance). */
    static MatchedSample match(String[] ids, int[] t, double[] d, String[] strata, MatchSpec spec) {
        if (strata == null) {
            strata = new String[ids.length];
            java.util.Arrays.fill(strata, "");
        }
        return NearestNeighbourMatcher.match(List.of(ids), t, d, d, strata, null, spec);
    }

    static MatchSpec spec(int ratio, boolean replace, MatchSpec.WeightConvention w) {
        return new MatchSpec(List.of("x"), List.of(), List.of(), Link.LOGIT, MatchSpec.Distance.PS, ratio, replace, Double.NaN,
                MatchSpec.CaliperScale.RAW, MatchSpec.Discard.NONE, MatchSpec.Order.LARGEST, 0, w);
    }

    static MatchSpec with(MatchSpec s, MatchSpec.Method m, MatchSpec.Kernel k, double bw, boolean ties, int reuse) {
        return s.withMethod(m, List.of(), k, bw, ties, reuse);
    }

    /**
     * 2:1 with replacement. T1 = 0.50: gaps C2 .01, C3 .03, C1 .10, C4 .10 -> {C2, C3}. T2 = 0.56:
     * C3 .03, C4 .04, C2 .07 -> {C3, C4}. psmatch2 _weight: C2 1/2, C3 1/2 + 1/2 = 1, C4 1/2. MatchIt
     * rescales to mean 1 over the 3 matched controls: factor 3/2 -> 0.75, 1.5, 0.75.
     */
    @Test
    void twoToOneWithReplacement() {
        String[] ids = {"T1", "T2", "C1", "C2", "C3", "C4", "C5"};
        int[] t = {1, 1, 0, 0, 0, 0, 0};
        double[] d = {0.50, 0.56, 0.40, 0.49, 0.53, 0.60, 0.70};
        MatchedSample p = match(ids, t, d, null, spec(2, true, MatchSpec.WeightConvention.PSMATCH2));
        assertArrayEquals(new double[] {1, 1, 0, 0.5, 1.0, 0.5, 0}, p.weight(), TOL);
        assertEquals(3, p.nControlMatched());
        assertNull(p.subclass()[3], "no subclasses with replacement");
        MatchedSample m = match(ids, t, d, null, spec(2, true, MatchSpec.WeightConvention.MATCHIT));
        assertArrayEquals(new double[] {1, 1, 0, 0.75, 1.5, 0.75, 0}, m.weight(), TOL);
    }

    /**
     * Reuse limit, 1:1 with replacement, largest first. T2 = 0.51 first: C2 (.005). T1 = 0.50: C2
     * (.005) again without a limit (weight 2); with max 1 use C2 is full and C1 (.10) beats C3 (.15).
     */
    @Test
    void reuseLimit() {
        String[] ids = {"T1", "T2", "C1", "C2", "C3"};
        int[] t = {1, 1, 0, 0, 0};
        double[] d = {0.50, 0.51, 0.40, 0.505, 0.65};
        MatchSpec base = spec(1, true, MatchSpec.WeightConvention.PSMATCH2);
        assertArrayEquals(new double[] {1, 1, 0, 2, 0}, match(ids, t, d, null, base).weight(), TOL);
        assertArrayEquals(new double[] {1, 1, 1, 1, 0},
                match(ids, t, d, null, with(base, MatchSpec.Method.NEAREST, null, 0.06, false, 1)).weight(), TOL);
        assertArrayEquals(new double[] {1, 1, 0, 2, 0},
                match(ids, t, d, null, with(base, MatchSpec.Method.NEAREST, null, 0.06, false, 2)).weight(), TOL);
    }

    /**
     * psmatch2 ties. T1 = 0.5; C1 and C3 at 0.25 and C2 at 0.75 are all exactly 0.25 away (binary
     * fractions). Without ties the lower side wins and, among the equal controls below, the last in
     * data order (MatchIt's scan): C3 gets weight 1. With ties all three share: 1/3 each.
     */
    @Test
    void tiesKeepAllEquallyNearControls() {
        String[] ids = {"T1", "C1", "C2", "C3", "C4"};
        int[] t = {1, 0, 0, 0, 0};
        double[] d = {0.5, 0.25, 0.75, 0.25, 0.875};
        MatchSpec base = spec(1, true, MatchSpec.WeightConvention.PSMATCH2);
        assertArrayEquals(new double[] {1, 0, 0, 1, 0}, match(ids, t, d, null, base).weight(), TOL);
        MatchedSample tied = match(ids, t, d, null, with(base, MatchSpec.Method.NEAREST, null, 0.06, true, 0));
        assertArrayEquals(new double[] {1, 1.0 / 3, 1.0 / 3, 1.0 / 3, 0}, tied.weight(), TOL);
    }

    /**
     * Exact strata. A: T1 0.30, C1 0.35. B: T2 0.60 and no control. C: C2 0.58 and no treated unit.
     * T1 -> C1; T2 stays unmatched although C2 is nearest on the score; C2 unused. Both strata are
     * reported. Same with replacement.
     */
    @Test
    void exactStrataWithoutTreatedOrWithoutControls() {
        String[] ids = {"T1", "T2", "C1", "C2"};
        int[] t = {1, 1, 0, 0};
        double[] d = {0.30, 0.60, 0.35, 0.58};
        String[] strata = {"g=A", "g=B", "g=A", "g=C"};
        for (boolean replace : new boolean[] {false, true}) {
            MatchSpec s = new MatchSpec(List.of("x"), List.of(), List.of("g"), Link.LOGIT, MatchSpec.Distance.PS, 1, replace,
                    Double.NaN, MatchSpec.CaliperScale.SD, MatchSpec.Discard.NONE, MatchSpec.Order.LARGEST, 0,
                    MatchSpec.WeightConvention.MATCHIT);
            MatchedSample m = match(ids, t, d, strata, s);
            assertArrayEquals(new double[] {1, 0, 1, 0}, m.weight(), TOL);
            assertEquals(1, m.nTreatedMatched());
            String all = String.join(" | ", m.diagnostics());
            assertTrue(all.contains("1 exact-matching strata have treated units but no available controls (1 treated units"
                    + " left unmatched): g=B"), all);
            assertTrue(all.contains("1 exact-matching strata have controls but no treated units; their 1 controls are unused: g=C"),
                    all);
        }
    }

    /**
     * Epanechnikov kernel, h = 0.06. T1 = 0.50: C1 0.47 (u = -1/2, K = 3/4 * 3/4 = 13.5/24), C2 0.53
     * (u = 1/2, 13.5/24), C3 0.52 (u = 1/3, 3/4 * 8/9 = 16/24), C4 0.60 (|u| > 1, 0); sum 43/24.
     * T2 = 0.58: C2 (u = -5/6, 3/4 * 11/36 = 5.5/24), C3 (u = -1, 0), C4 (u = 1/3, 16/24); sum 21.5/24.
     * _weight: C1 13.5/43, C2 13.5/43 + 5.5/21.5 = 24.5/43, C3 16/43, C4 16/21.5 = 32/43 (sum 2).
     */
    @Test
    void epanechnikovKernelWeights() {
        String[] ids = {"T1", "T2", "C1", "C2", "C3", "C4"};
        int[] t = {1, 1, 0, 0, 0, 0};
        double[] d = {0.50, 0.58, 0.47, 0.53, 0.52, 0.60};
        MatchSpec s = with(spec(1, false, MatchSpec.WeightConvention.PSMATCH2), MatchSpec.Method.KERNEL,
                MatchSpec.Kernel.EPANECHNIKOV, MatchSpec.DEFAULT_BANDWIDTH, false, 0);
        MatchedSample m = match(ids, t, d, null, s);
        assertArrayEquals(new double[] {1, 1, 13.5 / 43, 24.5 / 43, 16.0 / 43, 32.0 / 43}, m.weight(), 1e-9);
        assertNull(m.subclass()[2]);
        // a treated unit with no control inside the bandwidth is unmatched
        MatchedSample far = match(new String[] {"T1", "C1"}, new int[] {1, 0}, new double[] {0.2, 0.9}, null, s);
        assertEquals(0, far.nTreatedMatched());
        assertTrue(far.diagnostics().get(0).contains("within the kernel's bandwidth"), far.diagnostics().toString());
    }

    /**
     * Gaussian kernel, h = 0.06. T1 = 0.50: C1 0.44 (u = -1), C2 0.56 (u = 1), C3 0.62 (u = 2):
     * K = e^(-1/2), e^(-1/2), e^(-2); shares K / (2 e^(-1/2) + e^(-2)).
     */
    @Test
    void gaussianKernelWeights() {
        double a = Math.exp(-0.5);
        double b = Math.exp(-2);
        MatchSpec s = with(spec(1, false, MatchSpec.WeightConvention.PSMATCH2), MatchSpec.Method.KERNEL,
                MatchSpec.Kernel.GAUSSIAN, 0.06, false, 0);
        MatchedSample m = match(new String[] {"T1", "C1", "C2", "C3"}, new int[] {1, 0, 0, 0},
                new double[] {0.50, 0.44, 0.56, 0.62}, null, s);
        double sum = 2 * a + b;
        assertArrayEquals(new double[] {1, a / sum, a / sum, b / sum}, m.weight(), 1e-9);
    }

    /**
     * Radius 0.05 (raw, strict). T1 = 0.50: C1 0.47, C2 0.53 in, C3 0.56 out -> 1/2 each. T2 = 0.55:
     * C2 0.53, C3 0.56 in, C1 out -> 1/2 each. _weight: C1 1/2, C2 1, C3 1/2.
     */
    @Test
    void radiusWeights() {
        MatchSpec base = new MatchSpec(List.of("x"), List.of(), List.of(), Link.LOGIT, MatchSpec.Distance.PS, 1, false, 0.05,
                MatchSpec.CaliperScale.RAW, MatchSpec.Discard.NONE, MatchSpec.Order.LARGEST, 0,
                MatchSpec.WeightConvention.PSMATCH2);
        MatchSpec s = with(base, MatchSpec.Method.RADIUS, null, 0.06, false, 0);
        MatchedSample m = match(new String[] {"T1", "T2", "C1", "C2", "C3"}, new int[] {1, 1, 0, 0, 0},
                new double[] {0.50, 0.55, 0.47, 0.53, 0.56}, null, s);
        assertArrayEquals(new double[] {1, 1, 0.5, 1.0, 0.5}, m.weight(), TOL);
    }

    /** Random order: a permutation of the treated units, the same for a seed, different for another seed. */
    @Test
    void randomOrderIsASeededPermutation() {
        int n = 60;
        int[] t = new int[n];
        double[] d = new double[n];
        List<Integer> treatedIdx = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            t[i] = i % 2;
            d[i] = (i * 37 % 61) / 61.0;
            if (t[i] == 1) {
                treatedIdx.add(i);
            }
        }
        MatchSpec s1 = new MatchSpec(List.of("x"), List.of(), List.of(), Link.LOGIT, MatchSpec.Distance.PS, 1, false,
                Double.NaN, MatchSpec.CaliperScale.SD, MatchSpec.Discard.NONE, MatchSpec.Order.RANDOM, 42,
                MatchSpec.WeightConvention.MATCHIT);
        MatchSpec s2 = new MatchSpec(List.of("x"), List.of(), List.of(), Link.LOGIT, MatchSpec.Distance.PS, 1, false,
                Double.NaN, MatchSpec.CaliperScale.SD, MatchSpec.Discard.NONE, MatchSpec.Order.RANDOM, 43,
                MatchSpec.WeightConvention.MATCHIT);
        boolean[] none = new boolean[n];
        List<Integer> o1 = NearestNeighbourMatcher.treatedOrder(t, none, d, s1);
        List<Integer> o1again = NearestNeighbourMatcher.treatedOrder(t, none, d, s1);
        List<Integer> o2 = NearestNeighbourMatcher.treatedOrder(t, none, d, s2);
        assertEquals(o1, o1again);
        assertNotEquals(o1, o2);
        assertNotEquals(treatedIdx, o1);
        List<Integer> sorted = new ArrayList<>(o1);
        java.util.Collections.sort(sorted);
        assertEquals(treatedIdx, sorted);
    }
}
