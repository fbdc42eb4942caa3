package org.padlock.design;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.padlock.Reference;
import org.padlock.balance.BalanceRow;
import org.padlock.balance.BalanceSummary;
import org.padlock.balance.BalanceTable;
import org.padlock.data.MissingPolicy;
import org.padlock.data.ModelMatrix;
import org.padlock.data.ModelMatrixBuilder;

/**
 * pstest's summaries against R code implementing pstest.ado's definitions
 * (reference/balance/make_pstest.R) on lalonde, for a 1:1 caliper matching (0/1 weights) and a
 * 3:1 matching with replacement (psmatch2 _weight of 1/3 steps), given in both weight conventions.
 * Tolerances: % bias and its mean/median 1e-9 absolute; pseudo-R2 1e-9; LR chi2 1e-6 (it is
 * 2 (LL - LL0) with |LL| ~ 200); p-value 1e-9 relative to max(p, 1e-300) ... checked as 1e-9 absolute
 * and, for the tiny unmatched p, by its log within 1e-6; Rubin's B 1e-6 and R 1e-8 (both rest on
 * the probit coefficients, converged to R's glm epsilon 1e-14 here, 1e-12 in Java).
 */
class PstestReferenceTest {
    static final JsonNode REF = Reference.json("balance/pstest.json");
    static final ModelMatrix PS = ModelMatrixBuilder.build(LalondeReferenceTest.DATA,
            ModelMatrixBuilder.allRows(LalondeReferenceTest.DATA), LalondeReferenceTest.COVS, Set.of(), MissingPolicy.DROP,
            true, true);
    static final ModelMatrix BX = ModelMatrixBuilder.build(LalondeReferenceTest.DATA,
            ModelMatrixBuilder.allRows(LalondeReferenceTest.DATA), LalondeReferenceTest.COVS, Set.of(), MissingPolicy.DROP,
            false, false);

    static int[] treated() {
        double[] t = LalondeReferenceTest.DATA.numeric("treat").values();
        int[] r = new int[t.length];
        for (int i = 0; i < t.length; i++) {
            r[i] = (int) t[i];
        }
        return r;
    }

    static double[] weights(String column) {
        JsonNode u = REF.get("units");
        double[] w = new double[u.size()];
        for (int i = 0; i < w.length; i++) {
            assertEquals(LalondeReferenceTest.DATA.text("id").get(i), u.get(i).get("id").asText());
            w[i] = u.get(i).get(column).asDouble();
        }
        return w;
    }

    static void compareSample(JsonNode ref, BalanceSummary.Sample s, String at) {
        assertEquals(ref.get("pseudo_r2").asDouble(), s.pseudoR2(), 1e-9, at + " pseudo-R2");
        assertEquals(ref.get("lr_chi2").asDouble(), s.lrChi2(), 1e-6, at + " LR chi2");
        assertEquals(ref.get("lr_df").asInt(), s.lrDf(), at + " df");
        double p = ref.get("lr_p_value").asDouble();
        assertEquals(p, s.lrPValue(), 1e-9, at + " p");
        assertEquals(Math.log(p), Math.log(s.lrPValue()), 1e-6, at + " log p");
        assertEquals(ref.get("rubin_b").asDouble(), s.rubinB(), 1e-6, at + " B");
        assertEquals(ref.get("rubin_r").asDouble(), s.rubinR(), 1e-8, at + " R");
        assertEquals(ref.get("mean_abs_pct_bias").asDouble(), s.meanAbsPctBias(), 1e-9, at + " MeanBias");
        assertEquals(ref.get("median_abs_pct_bias").asDouble(), s.medianAbsPctBias(), 1e-9, at + " MedBias");
        assertEquals(ref.get("n_treated").asInt(), s.treated(), at);
        assertEquals(ref.get("n_control").asInt(), s.controls(), at);
        assertEquals(List.of(), s.diagnostics(), at + ": converged, no separation");
    }

    static void compareCase(String name, double[] w) {
        JsonNode ref = REF.get("cases").get(name);
        int[] t = treated();
        BalanceTable table = BalanceTable.compute(BX.names(), BX.x(), t, w);
        Map<String, BalanceRow> rows = new HashMap<>();
        for (BalanceRow r : table.rows()) {
            rows.put(r.variable().replace("race_", "race"), r);
        }
        for (JsonNode r : ref.get("rows")) {
            BalanceRow b = rows.get(r.get("variable").asText());
            String at = name + " " + r.get("variable").asText();
            assertEquals(r.get("pct_bias_before").asDouble(), b.pctBiasBefore(), 1e-9, at);
            assertEquals(r.get("pct_bias_after").asDouble(), b.pctBiasAfter(), 1e-9, at);
            assertEquals(r.get("mean_control_matched").asDouble(), b.meanControlAfter(), 1e-9, at);
        }
        BalanceSummary s = BalanceSummaries.compute(PS, t, w, table);
        assertEquals("probit", s.model());
        compareSample(ref.get("before"), s.before(), name + " before");
        compareSample(ref.get("after"), s.after(), name + " after");
    }

    @Test
    void caliperMatching() {
        compareCase("caliper", weights("weight_caliper"));
    }

    @Test
    void threeToOneWithReplacementPsmatch2Weights() {
        compareCase("knn3_replace", weights("weight_knn3_psmatch2"));
    }

    @Test
    void matchItConventionWeightsAreRescaledToPstests() {
        double[] w = weights("weight_knn3_matchit");
        assertTrue(w[200] != weights("weight_knn3_psmatch2")[200] || w[300] != weights("weight_knn3_psmatch2")[300]
                || java.util.Arrays.stream(w).sum() != java.util.Arrays.stream(weights("weight_knn3_psmatch2")).sum(),
                "the two conventions differ on this case");
        compareCase("knn3_replace", w);
    }

    @Test
    void designStageAttachesTheSummary() {
        DesignResult r = LalondeReferenceTest.run(LalondeReferenceTest.spec(0.2, MatchSpec.Discard.NONE, List.of(),
                MatchSpec.Distance.PS));
        assertNotNull(r.balance().summary());
        compareSample(REF.get("cases").get("caliper").get("after"), r.balance().summary().after(), "design stage after");
        // before matching, Newton's iteration starts from the propensity fit's coefficients carried to the probit scale
        compareSample(REF.get("cases").get("caliper").get("before"), r.balance().summary().before(), "design stage before");
    }
}
