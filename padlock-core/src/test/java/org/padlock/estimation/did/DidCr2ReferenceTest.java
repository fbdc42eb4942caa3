package org.padlock.estimation.did;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.padlock.Reference;
import org.padlock.data.Frame;
import org.padlock.data.MissingPolicy;
import org.padlock.data.TableReader;
import org.padlock.inference.BootstrapWeights;
import org.padlock.inference.CoefficientTest;

/**
 * Difference-in-differences with CR2 (Satterthwaite df) and the wild cluster bootstrap. CR2 against
 * clubSandwich 0.5.8 {@code vcovCR(type = "CR2")} + {@code coef_test(test = "Satterthwaite")} on lm
 * with unit and period dummies (reference/did_cr2) and on the two-period change regression
 * (reference/did); the pre-trend test against {@code Wald_test(test = "Naive-F")}. Tolerances:
 * estimates, SEs and interval ends 1e-8 relative, Satterthwaite df 1e-8 relative, p-values and F 1e-9
 * absolute.
 */
class DidCr2ReferenceTest {
    static final JsonNode REF = Reference.json("did_cr2/did_cr2_reference.json");
    static final DidInference CR2 = new DidInference("cr2", 9999, 1, BootstrapWeights.RADEMACHER);

    private static void rel(double e, double a, String what) {
        assertEquals(e, a, 1e-8 * Math.max(1, Math.abs(e)), what);
    }

    private static void check(JsonNode r, CoefficientTest t) {
        rel(r.get("estimate").asDouble(), t.estimate(), "estimate");
        rel(r.get("std_error").asDouble(), t.stdError(), "se");
        rel(r.get("df").asDouble(), t.df(), "df");
        assertEquals(r.get("p_value").asDouble(), t.pValue(), 1e-9, "p");
        rel(r.get("ci_lower").asDouble(), t.ciLow(), "ci low");
        rel(r.get("ci_upper").asDouble(), t.ciHigh(), "ci high");
    }

    private void panel(String block, boolean weighted, String cluster, boolean covariate) {
        JsonNode r = REF.get(block);
        DidResult res = EventStudy.fit(DidPanelReferenceTest.input(weighted, cluster, covariate, null), 9, CR2);
        assertEquals(r.get("n").asInt(), res.nObs());
        assertEquals(r.get("n_clusters").asInt(), res.nClusters());
        check(r.get("static"), res.effect());
        JsonNode es = r.get("event_study");
        assertEquals(es.size(), res.eventStudy().size());
        for (int i = 0; i < es.size(); i++) {
            assertEquals(es.get(i).get("relative_period").asInt(), res.eventStudy().get(i).relativePeriod());
            check(es.get(i), res.eventStudy().get(i).test());
        }
        JsonNode pt = r.get("pre_trend_naive_f");
        rel(pt.get("f").asDouble(), res.preTrend().f(), "F");
        assertEquals(pt.get("df1").asInt(), res.preTrend().df1());
        assertEquals(pt.get("df2").asDouble(), res.preTrend().df2(), 0);
        assertEquals(pt.get("p_value").asDouble(), res.preTrend().pValue(), 1e-9);
        assertTrue(res.diagnostics().stream().anyMatch(d -> d.contains("Naive-F")), res.diagnostics().toString());
    }

    @Test
    void eventStudyWeightedWithCovariateClusteredByPartnership() {
        panel("weighted_partnership_x", true, "partnership", true);
    }

    @Test
    void eventStudyUnweightedClusteredByUnit() {
        panel("unweighted_unit", false, "unit", false);
    }

    @Test
    void twoPeriodChangeRegression() {
        JsonNode ref = Reference.json("did/did_reference.json");
        Frame d = TableReader.read(Reference.file("did/did_data.csv"), Set.of("id", "partnership"));
        for (String[] m : new String[][] {{"change_on_treat"}, {"change_on_treat_z", "z"}}) {
            List<String> covs = m.length > 1 ? List.of(m[1]) : List.of();
            DidResult res = TwoPeriodDid.fit(d, "id", "pre", "post", "treat", covs, Set.of(), MissingPolicy.DROP, null,
                    "partnership", CR2);
            JsonNode c = ref.get(m[0]).get("coefficients").get("treat");
            JsonNode c2 = c.get("cr2");
            CoefficientTest t = res.effect();
            rel(c.get("estimate").asDouble(), t.estimate(), "estimate");
            rel(c2.get("se").asDouble(), t.stdError(), "se");
            rel(c2.get("df_satterthwaite").asDouble(), t.df(), "df");
            assertEquals(c2.get("p_satterthwaite").asDouble(), t.pValue(), 1e-9);
            rel(c2.get("ci_lower").asDouble(), t.ciLow(), "ci low");
            rel(c2.get("ci_upper").asDouble(), t.ciHigh(), "ci high");
        }
    }

    @Test
    void unitsMustBeNestedInClustersForCr2() {
        PanelInput in = DidPanelReferenceTest.input(false, "unit", false, null);
        String[] byPeriod = new String[in.y().length];
        for (int i = 0; i < byPeriod.length; i++) {
            byPeriod[i] = "P" + (int) in.period()[i];
        }
        PanelInput bad = new PanelInput(in.unit(), in.period(), in.y(), in.treated(), null, byPeriod, List.of(),
                new double[0][], 2017);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EventStudy.fit(bad, 0, CR2));
        assertTrue(e.getMessage().contains("nested"), e.getMessage());
    }

    /**
     * Wild bootstrap: same seed, same numbers; another seed, other p-values (16 partnerships: 2^16 > B, so
     * random draws); the estimate and CR1 SE are those of the CR1 fit; p is a multiple of 1/B.
     */
    @Test
    void wildBootstrapIsDeterministicGivenTheSeed() {
        PanelInput in = DidPanelReferenceTest.input(true, "partnership", true, null);
        DidResult cr1 = EventStudy.fit(in, 9);
        DidInference w1 = new DidInference("wild", 999, 42, BootstrapWeights.RADEMACHER);
        DidResult a = EventStudy.fit(in, 9, w1);
        DidResult b = EventStudy.fit(in, 9, w1);
        DidResult c = EventStudy.fit(in, 9, new DidInference("wild", 999, 43, BootstrapWeights.RADEMACHER));
        assertEquals(a, b);
        assertNotEquals(a.effect().pValue(), c.effect().pValue());
        assertEquals(cr1.effect().estimate(), a.effect().estimate(), 0);
        assertEquals(cr1.effect().stdError(), a.effect().stdError(), 0);
        assertEquals(cr1.preTrend(), a.preTrend());
        for (int i = 0; i < a.eventStudy().size(); i++) {
            double p = a.eventStudy().get(i).test().pValue();
            assertEquals(Math.rint(p * 999), p * 999, 1e-6, "p is a share of 999 draws");
            assertTrue(a.eventStudy().get(i).test().ciLow() < a.eventStudy().get(i).test().estimate());
        }
        assertTrue(Double.isNaN(a.effect().df()));
    }
}
