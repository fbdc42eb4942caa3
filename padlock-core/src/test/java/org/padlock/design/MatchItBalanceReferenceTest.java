package org.padlock.design;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.padlock.Reference;
import org.padlock.balance.BalanceRow;

/**
 * Every per-covariate balance statistic, before and after matching, against MatchIt 4.5.1's
 * {@code summary(m)} ({@code sum.all} and {@code sum.matched}) on lalonde, for the five stored
 * matchings (reference/lalonde/README.md). Every factor level is its own row.
 * Tolerances: means, SMD, variance ratio and eCDF statistics 1e-10 absolute (the values are
 * sums of a few hundred terms; JSON keeps 15 significant digits).
 */
class MatchItBalanceReferenceTest {
    private static final double TOL = 1e-10;

    private static MatchSpec spec(String file) {
        return switch (file) {
            case "nn_plain.json" -> LalondeReferenceTest.spec(Double.NaN, MatchSpec.Discard.NONE, List.of(), MatchSpec.Distance.PS);
            case "nn_caliper.json" -> LalondeReferenceTest.spec(0.2, MatchSpec.Discard.NONE, List.of(), MatchSpec.Distance.PS);
            case "nn_discard_both.json" -> LalondeReferenceTest.spec(Double.NaN, MatchSpec.Discard.BOTH, List.of(), MatchSpec.Distance.PS);
            case "nn_exact_race.json" -> LalondeReferenceTest.spec(Double.NaN, MatchSpec.Discard.NONE, List.of("race"), MatchSpec.Distance.PS);
            case "nn_logit_caliper.json" -> LalondeReferenceTest.spec(0.2, MatchSpec.Discard.NONE, List.of(), MatchSpec.Distance.LOGIT_PS);
            default -> throw new IllegalArgumentException(file);
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"nn_plain.json", "nn_caliper.json", "nn_discard_both.json", "nn_exact_race.json",
            "nn_logit_caliper.json"})
    void everyStatisticBeforeAndAfterMatchesSummaryMatchit(String file) {
        DesignResult r = LalondeReferenceTest.run(spec(file));
        JsonNode ref = Reference.json("lalonde/" + file);
        Map<String, BalanceRow> bal = new HashMap<>();
        for (BalanceRow b : r.balance().rows()) {
            bal.put(b.variable().replace("race_", "race"), b);
        }
        int compared = 0;
        for (String part : List.of("balance_all", "balance_matched")) {
            boolean after = part.equals("balance_matched");
            for (JsonNode b : ref.get(part)) {
                String v = b.get("covariate").asText();
                if (v.equals("distance")) {
                    continue;
                }
                BalanceRow br = bal.get(v);
                String at = file + " " + part + " " + v;
                assertEquals(b.get("means_treated").asDouble(), after ? br.meanTreatedAfter() : br.meanTreated(), TOL, at);
                assertEquals(b.get("means_control").asDouble(), after ? br.meanControlAfter() : br.meanControlBefore(), TOL, at);
                assertEquals(b.get("std_mean_diff").asDouble(), after ? br.smdAfter() : br.smdBefore(), TOL, at + " smd");
                double vr = after ? br.varianceRatioAfter() : br.varianceRatioBefore();
                if (b.get("var_ratio").isNull()) {
                    assertTrue(Double.isNaN(vr), at + " variance ratio is undefined for a binary covariate");
                    assertTrue(br.binary(), at);
                } else {
                    assertFalse(br.binary(), at);
                    assertEquals(b.get("var_ratio").asDouble(), vr, TOL, at + " var ratio");
                }
                assertEquals(b.get("ecdf_mean").asDouble(), after ? br.ecdfMeanAfter() : br.ecdfMeanBefore(), TOL, at + " ecdf mean");
                assertEquals(b.get("ecdf_max").asDouble(), after ? br.ecdfMaxAfter() : br.ecdfMaxBefore(), TOL, at + " ecdf max");
                compared++;
            }
        }
        assertEquals(18, compared, "9 covariate rows (race as 3 levels) before and after");
    }
}
