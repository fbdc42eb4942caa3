package org.padlock.design;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.padlock.Reference;
import org.padlock.balance.BalanceRow;
import org.padlock.data.Frame;
import org.padlock.data.MissingPolicy;
import org.padlock.data.ModelMatrix;
import org.padlock.data.ModelMatrixBuilder;
import org.padlock.data.TableReader;

/**
 * Propensity model and nearest-neighbour matching against R (glm; MatchIt 4.5.1 with its
 * matching routine corrected as documented in reference/lalonde/README.md) on the lalonde data.
 * Tolerances (Fisher scoring replicates glm.fit step for step): coefficients and SEs 1e-9 relative;
 * scores 1e-9;
 * weights exact to 1e-12; matched sets identical.
 */
class LalondeReferenceTest {
    static final List<String> COVS = List.of("age", "educ", "race", "married", "nodegree", "re74", "re75");
    static final Frame DATA = TableReader.read(Reference.file("lalonde/lalonde.csv"), Set.of("id"));

    @Test
    void logitMatchesGlm() {
        JsonNode ref = Reference.json("lalonde/glm.json");
        ModelMatrix x = ModelMatrixBuilder.build(DATA, ModelMatrixBuilder.allRows(DATA), COVS, Set.of(), MissingPolicy.DROP,
                true, true);
        PropensityFit fit = BinaryRegression.fit(x, DATA.numeric("treat").values(), Link.LOGIT);
        assertTrue(fit.converged());
        JsonNode coefs = ref.get("coefficients");
        double[] b = fit.coefficients();
        double[] se = fit.stdErrors();
        for (int j = 0; j < b.length; j++) {
            String rname = fit.names().get(j).replace("race_", "race");
            JsonNode c = coefs.get(rname);
            assertEquals(c.get("estimate").asDouble(), b[j], 1e-9 * Math.max(1, Math.abs(b[j])), rname);
            assertEquals(c.get("std_error").asDouble(), se[j], 1e-9 * se[j], rname);
        }
        assertEquals(ref.get("log_likelihood").asDouble(), fit.logLik(), 1e-8);
        double[] p = fit.fitted();
        JsonNode ps = ref.get("propensity_scores");
        for (int i = 0; i < p.length; i++) {
            assertEquals(ps.get(i).get("ps").asDouble(), p[i], 1e-9);
        }
    }

    /**
     * A term that is a linear combination of earlier ones (age + educ, after them) is dropped, as glm's
     * pivoted QR drops it (coefficient NA): its coefficient and SE are NaN, the diagnostics name it, and
     * every other estimate is glm's for the model without it.
     */
    @Test
    void collinearTermIsDroppedAsGlmDoes() {
        double[] age = DATA.numeric("age").values();
        double[] educ = DATA.numeric("educ").values();
        double[] sum = new double[age.length];
        for (int i = 0; i < sum.length; i++) {
            sum[i] = age[i] + educ[i];
        }
        Frame withSum = DATA.with(new org.padlock.data.NumericColumn("ageeduc", sum));
        List<String> covs = new java.util.ArrayList<>(COVS);
        covs.add("ageeduc");
        ModelMatrix x = ModelMatrixBuilder.build(withSum, ModelMatrixBuilder.allRows(withSum), covs, Set.of(),
                MissingPolicy.DROP, true, true);
        PropensityFit fit = BinaryRegression.fit(x, DATA.numeric("treat").values(), Link.LOGIT);
        assertTrue(fit.converged());
        int last = fit.names().indexOf("ageeduc");
        assertTrue(Double.isNaN(fit.coefficients()[last]) && Double.isNaN(fit.stdErrors()[last]));
        assertTrue(fit.diagnostics().contains("terms dropped as collinear or constant: ageeduc"), fit.diagnostics().toString());
        JsonNode coefs = Reference.json("lalonde/glm.json").get("coefficients");
        for (int j = 0; j < last; j++) {
            JsonNode c = coefs.get(fit.names().get(j).replace("race_", "race"));
            assertEquals(c.get("estimate").asDouble(), fit.coefficients()[j], 1e-9 * Math.max(1, Math.abs(fit.coefficients()[j])));
            assertEquals(c.get("std_error").asDouble(), fit.stdErrors()[j], 1e-9 * fit.stdErrors()[j]);
        }
    }

    static DesignResult run(MatchSpec spec) {
        List<String> design = new java.util.ArrayList<>(COVS);
        design.addAll(spec.exact());
        return DesignStage.run(OutcomeBlindView.of(DATA, "id", "treat", design, Set.of("re78")), spec, null);
    }

    static MatchSpec spec(double caliper, MatchSpec.Discard discard, List<String> exact, MatchSpec.Distance distance) {
        return new MatchSpec(COVS, List.of(), exact, Link.LOGIT, distance, 1, false, caliper, MatchSpec.CaliperScale.SD,
                discard, MatchSpec.Order.LARGEST, 0, MatchSpec.WeightConvention.MATCHIT);
    }

    static void compare(String file, DesignResult r) {
        JsonNode ref = Reference.json("lalonde/" + file);
        MatchedSample m = r.sample();
        assertEquals(ref.get("n_treated_matched").asInt(), m.nTreatedMatched(), file);
        assertEquals(ref.get("n_control_matched").asInt(), m.nControlMatched(), file);
        assertEquals(ref.get("n_discarded").asInt(), m.nDiscarded(), file);
        Map<String, Integer> row = new HashMap<>();
        for (int i = 0; i < m.size(); i++) {
            row.put(m.ids().get(i), i);
        }
        double[] w = m.weight();
        String[] sub = m.subclass();
        boolean[] disc = m.discarded();
        for (JsonNode u : ref.get("units")) {
            int i = row.get(u.get("id").asText());
            assertEquals(u.get("weight").asDouble(), w[i], 1e-12, file + " weight " + u.get("id").asText());
            String s = u.get("subclass").isNull() ? null : u.get("subclass").asText();
            assertEquals(s, sub[i], file + " subclass " + u.get("id").asText());
            assertEquals(u.get("discarded").asInt() == 1, disc[i], file + " discarded " + u.get("id").asText());
            assertEquals(u.get("distance").asDouble(), m.distance()[i], 1e-8, file + " distance");
        }
        JsonNode cal = ref.get("caliper");
        if (!cal.isNull()) {
            assertEquals(cal.get("matchit_stored").asDouble(), m.caliperWidth(), 1e-12, file + " caliper width");
        }
        // MatchIt's summary(): SMD after matching for every covariate level
        Map<String, BalanceRow> bal = new HashMap<>();
        for (BalanceRow b : r.balance().rows()) {
            bal.put(b.variable().replace("race_", "race"), b);
        }
        for (JsonNode b : ref.get("balance_matched")) {
            String v = b.get("covariate").asText();
            if (v.equals("distance")) {
                continue;
            }
            BalanceRow br = bal.get(v);
            assertEquals(b.get("means_treated").asDouble(), br.meanTreatedAfter(), 1e-9, file + " mean treated " + v);
            assertEquals(b.get("means_control").asDouble(), br.meanControlAfter(), 1e-9, file + " mean control " + v);
            assertEquals(b.get("std_mean_diff").asDouble(), br.smdAfter(), 1e-9, file + " smd " + v);
            if (!b.get("var_ratio").isNull()) {
                assertEquals(b.get("var_ratio").asDouble(), br.varianceRatioAfter(), 1e-9, file + " var ratio " + v);
            }
        }
    }

    @Test
    void nearestNoCaliper() {
        compare("nn_plain.json", run(spec(Double.NaN, MatchSpec.Discard.NONE, List.of(), MatchSpec.Distance.PS)));
    }

    @Test
    void nearestCaliperSd() {
        compare("nn_caliper.json", run(spec(0.2, MatchSpec.Discard.NONE, List.of(), MatchSpec.Distance.PS)));
    }

    @Test
    void nearestDiscardBoth() {
        compare("nn_discard_both.json", run(spec(Double.NaN, MatchSpec.Discard.BOTH, List.of(), MatchSpec.Distance.PS)));
    }

    @Test
    void nearestExactOnRace() {
        compare("nn_exact_race.json", run(spec(Double.NaN, MatchSpec.Discard.NONE, List.of("race"), MatchSpec.Distance.PS)));
    }

    @Test
    void nearestLogitCaliper() {
        compare("nn_logit_caliper.json", run(spec(0.2, MatchSpec.Discard.NONE, List.of(), MatchSpec.Distance.LOGIT_PS)));
    }

    @Test
    void outcomeColumnsAreAbsentFromTheDesignStage() {
        OutcomeBlindView v = OutcomeBlindView.of(DATA, "id", "treat", COVS, Set.of("re78"));
        assertTrue(!v.columns().contains("re78"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> v.require("re78"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> OutcomeBlindView.of(DATA, "id", "treat", List.of("age", "re78"), Set.of("re78")));
    }
}
