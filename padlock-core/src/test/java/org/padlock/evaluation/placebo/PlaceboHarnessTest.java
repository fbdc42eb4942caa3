package org.padlock.evaluation.placebo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.padlock.data.Frame;
import org.padlock.demo.NationalKs2Panel;

/** The placebo harness on the real national KS2 panel, with few draws (the figures need hundreds; see the command). */
class PlaceboHarnessTest {
    private static Frame panel;

    @BeforeAll
    static void load() {
        panel = NationalKs2Panel.frame();
    }

    @Test
    void sameSeedSameResultAndMethodsArePluggable() {
        PlaceboSpec spec = PlaceboSpec.defaults(3, 42, 8);
        List<double[]> seen = new ArrayList<>();
        // a second method that records each fit and always returns p = 0: every draw rejects
        InferenceMethod always = new InferenceMethod("always", f -> {
            // WLS on an intercept and a dummy: the coefficient is the difference in weighted means
            double[] y = f.y();
            double[] w = f.weights();
            int[] t = f.treated();
            double[] sw = new double[2];
            double[] swy = new double[2];
            for (int i = 0; i < y.length; i++) {
                sw[t[i]] += w[i];
                swy[t[i]] += w[i] * y[i];
            }
            seen.add(new double[] {f.estimate(), f.clusters().stream().distinct().count(), swy[1] / sw[1] - swy[0] / sw[0]});
            return 0.0;
        });
        PlaceboResult a = PlaceboHarness.run(panel, spec, List.of(InferenceMethod.cr1(), always), s -> { });
        PlaceboResult b = PlaceboHarness.run(panel, spec, List.of(InferenceMethod.cr1()), s -> { });
        assertEquals(4, a.summaries().size());
        MethodSummary cr1 = a.summaries().get(0);
        MethodSummary alw = a.summaries().get(1);
        assertEquals("reading", cr1.outcome());
        assertEquals("cr1", cr1.method());
        assertEquals(3, cr1.replications());
        assertEquals(3, alw.rejections());
        assertEquals(1.0, alw.rejectionRate());
        // fits arrive per draw in outcome order (reading, maths), so take every other one
        double readingMean = (seen.get(0)[0] + seen.get(2)[0] + seen.get(4)[0]) / 3;
        assertEquals(readingMean, cr1.meanEstimate(), 1e-12);
        for (double[] v : seen) {
            assertEquals(v[2], v[0], 1e-9);
            assertTrue(v[1] >= 2 && v[1] <= 8, "partnerships with a matched school: " + v[1]);
        }
        // deterministic: the same seed gives the same numbers whatever other methods ran
        assertEquals(cr1, b.summaries().get(0));
        assertEquals(a.summaries().get(2), b.summaries().get(1));
        assertTrue(cr1.mcLow() <= cr1.rejectionRate() && cr1.rejectionRate() <= cr1.mcHigh());
        assertTrue(a.meanTreated() >= 8 && a.meanTreated() <= 48, "treated per draw " + a.meanTreated() + " " + a.meanClusters() + " " + a.diagnostics());
    }

    @Test
    void badSpecIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> PlaceboSpec.defaults(0, 1, 8));
        assertThrows(IllegalArgumentException.class, () -> PlaceboSpec.defaults(10, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> PlaceboHarness.run(panel, PlaceboSpec.defaults(1, 1, 4), List.of(), s -> { }));
    }
}
