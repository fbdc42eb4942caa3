package org.padlock.design;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.padlock.balance.GroupComparison;

/**
 * The baseline tables' group comparison (means, t-test p-values behind the stars) against pstest's
 * t-tests computed in R (reference/balance/pstest.json: {@code t.test(var.equal = TRUE)} before,
 * weighted {@code lm} with Stata's importance-weight degrees of freedom after) on lalonde, with the
 * 3:1-with-replacement psmatch2 weights. Tolerance: p-values 1e-10 absolute, means 1e-10.
 */
class GroupComparisonReferenceTest {
    @Test
    void pValuesMatchPstestsTTests() {
        JsonNode ref = PstestReferenceTest.REF.get("cases").get("knn3_replace");
        int[] t = PstestReferenceTest.treated();
        double[] w = PstestReferenceTest.weights("weight_knn3_psmatch2");
        double[] one = new double[t.length];
        Arrays.fill(one, 1);
        int k = 0;
        for (JsonNode r : ref.get("rows")) {
            String v = r.get("variable").asText();
            double[] x = PstestReferenceTest.BX.column(v.startsWith("race") ? v.replace("race", "race_") : v);
            GroupComparison before = GroupComparison.of(v, x, t, one);
            GroupComparison after = GroupComparison.of(v, x, t, w);
            assertEquals(r.get("p_before").asDouble(), before.pValue(), 1e-10, v);
            assertEquals(r.get("p_after").asDouble(), after.pValue(), 1e-10, v);
            assertEquals(r.get("mean_control").asDouble(), before.meanControl(), 1e-10, v);
            assertEquals(r.get("mean_control_matched").asDouble(), after.meanControl(), 1e-10, v);
            assertEquals(185, after.nTreated());
            k++;
        }
        assertEquals(9, k);
    }

    @Test
    void starsFollowTheSeedsThresholds() {
        assertEquals("***", new GroupComparison("x", false, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.01).stars());
        assertEquals("**", new GroupComparison("x", false, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.05).stars());
        assertEquals("*", new GroupComparison("x", false, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.0501).stars());
        assertEquals("*", new GroupComparison("x", false, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.10).stars());
        assertEquals("", new GroupComparison("x", false, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.1001).stars());
    }
}
