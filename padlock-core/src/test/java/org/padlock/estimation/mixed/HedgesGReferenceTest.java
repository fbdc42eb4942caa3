package org.padlock.estimation.mixed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.padlock.EstimationException;
import org.padlock.Reference;
import org.padlock.data.Frame;
import org.padlock.data.MissingPolicy;
import org.padlock.data.ModelMatrix;
import org.padlock.data.ModelMatrixBuilder;

/**
 * Hedges' g (within and total; conditional and unconditional variances) against the eefAnalytics
 * crtFREQ formulas evaluated in R on lme4 REML fits (reference/effect_size). Tolerance 1e-6
 * relative (the variance components are optimiser-precision values).
 */
class HedgesGReferenceTest {
    static final JsonNode REF = Reference.json("effect_size/hedges_reference.json");

    private static void check(JsonNode ref, Frame d, List<String> covs) {
        var y = d.numeric("y");
        int[] rows = java.util.stream.IntStream.range(0, d.rowCount()).filter(i -> !y.isMissing(i)).toArray();
        ModelMatrix x = ModelMatrixBuilder.build(d, rows, covs, Set.of(), MissingPolicy.INDICATOR, true, true);
        double[] yv = new double[rows.length];
        double[] t = new double[rows.length];
        String[] g = new String[rows.length];
        for (int k = 0; k < rows.length; k++) {
            yv[k] = y.get(rows[k]);
            t[k] = d.numeric("treat").get(rows[k]);
            g[k] = d.text("school").get(rows[k]);
        }
        MixedFit cond = RandomInterceptModel.fit(x, yv, null, g, true);
        MixedFit uncond = RandomInterceptModel.fit(x.keep(new int[] {0}), yv, null, g, true);
        double beta = cond.coefficient("treat");
        assertEquals(ref.get("beta").asDouble(), beta, 1e-6 * Math.abs(beta));
        for (String which : List.of("conditional", "unconditional")) {
            MixedFit v = which.equals("conditional") ? cond : uncond;
            JsonNode r = ref.get(which);
            same(r.get("within"), HedgesG.within(beta, v, t, g));
            same(r.get("total"), HedgesG.total(beta, v, t, g));
        }
    }

    private static void same(JsonNode r, EffectSizeInterval e) {
        assertEquals(r.get("g").asDouble(), e.g(), 1e-6 * Math.abs(e.g()));
        assertEquals(r.get("se").asDouble(), e.se(), 1e-6 * e.se());
        assertEquals(r.get("ci_lower").asDouble(), e.ciLow(), 1e-6);
        assertEquals(r.get("ci_upper").asDouble(), e.ciHigh(), 1e-6);
    }

    @Test
    void clusterData() {
        check(REF.get("cluster"), MixedModelReferenceTest.CLUSTER, List.of("treat", "x1", "x2", "f"));
    }

    @Test
    void unbalancedDataWithSingletonSchools() {
        check(REF.get("unbalanced"), MixedModelReferenceTest.UNBAL, List.of("treat", "ses", "x1"));
    }

    @Test
    void oneClusterPerArmIsAnError() {
        MixedFit any = new MixedFit(List.of("(Intercept)"), List.of(), new double[] {0}, new double[][] {{1}},
                new double[] {1}, true, 0.1, 1, 0.3, -1, 4, 2, false, List.of());
        assertThrows(EstimationException.class, () -> HedgesG.total(0.2, any, new double[] {1, 1, 0, 0},
                new String[] {"a", "a", "b", "b"}));
    }
}
