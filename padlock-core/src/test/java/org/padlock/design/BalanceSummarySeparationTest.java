package org.padlock.design;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.padlock.balance.BalanceSummary;
import org.padlock.balance.BalanceTable;
import org.padlock.data.MissingPolicy;
import org.padlock.data.ModelMatrix;
import org.padlock.data.ModelMatrixBuilder;
import org.padlock.data.Frame;
import org.padlock.data.NumericColumn;
import org.padlock.data.TextColumn;

/** Quasi-complete separation in pstest's re-fit gives a diagnostic and finite statistics, not a hang or garbage. */
class BalanceSummarySeparationTest {
    @Test
    void separatedCovariateIsDiagnosed() {
        SplittableRandom r = new SplittableRandom(7);
        int n = 400;
        String[] id = new String[n];
        double[] t = new double[n];
        double[] x = new double[n];
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            id[i] = "u" + i;
            t[i] = i < 80 ? 1 : 0;
            x[i] = r.nextGaussian() + 0.5 * t[i];
            g[i] = t[i] == 1 ? 0 : (r.nextDouble() < 0.3 ? 1 : 0);   // g = 1 only among controls
        }
        Frame f = new Frame("sep.csv", List.of(new TextColumn("id", id), new NumericColumn("t", t),
                new NumericColumn("x", x), new NumericColumn("g", g)));
        // The design stage itself stops on a separated propensity model (exit 4), so pstest's re-fit is
        // exercised directly on the same design matrix.
        ModelMatrix x1 = ModelMatrixBuilder.build(f, ModelMatrixBuilder.allRows(f), List.of("x", "g"), Set.of(),
                MissingPolicy.DROP, true, false);
        ModelMatrix bx = ModelMatrixBuilder.build(f, ModelMatrixBuilder.allRows(f), List.of("x", "g"), Set.of(),
                MissingPolicy.DROP, false, false);
        int[] treat = new int[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            treat[i] = (int) t[i];
            w[i] = 1;
        }
        BalanceTable table = BalanceTable.compute(bx.names(), bx.x(), treat, w);
        BalanceSummary.Sample before = BalanceSummaries.compute(x1, treat, w, table).before();
        assertTrue(before.diagnostics().stream().anyMatch(s -> s.contains("separation")), before.diagnostics().toString());
        assertTrue(Double.isFinite(before.pseudoR2()) && before.pseudoR2() > 0 && before.pseudoR2() < 1);
        assertTrue(Double.isFinite(before.lrChi2()) && before.lrChi2() > 0);
    }
}
