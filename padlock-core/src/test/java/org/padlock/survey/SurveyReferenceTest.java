package org.padlock.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.padlock.Reference;

/**
 * Survey summaries, tests and p-value adjustments against R 4.2.2 ({@code reference/survey}):
 * {@code t.test}, {@code chisq.test(correct = FALSE)}, {@code fisher.test}, {@code prop.test}
 * (with and without continuity correction) and {@code p.adjust} (holm, BH). Tolerances: p-values
 * 1e-10 absolute; statistics, df and means 1e-9 relative; counts exact.
 */
class SurveyReferenceTest {
    static final JsonNode REF = Reference.json("survey/survey_reference.json");
    static final SurveySpec SPEC = SurveySpec.load(Reference.file("survey/instruments.yaml"));
    static final SurveyResponses BASE = SurveyResponses.read(SPEC, "baseline", Reference.file("survey/survey_baseline.csv"));
    static final SurveyResponses FINAL = SurveyResponses.read(SPEC, "final", Reference.file("survey/survey_final.csv"));
    static final double P_TOL = 1e-10;

    private static void rel(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-9 * Math.max(1, Math.abs(expected)), what);
    }

    private static void p(JsonNode ref, String key, double actual, String what) {
        assertEquals(ref.get(key).asDouble(), actual, P_TOL, what + " " + key);
    }

    private static void check(JsonNode expected, List<Comparison> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < actual.size(); i++) {
            JsonNode r = expected.get(i);
            Comparison c = actual.get(i);
            String what = "row " + i + " " + c.item() + " " + c.a().group() + " vs " + c.b().group();
            assertEquals(r.get("item").asText(), c.item());
            if (r.has("level_a")) {
                assertEquals(r.get("level_a").asText(), c.a().group());
                assertEquals(r.get("level_b").asText(), c.b().group());
            }
            assertEquals(r.get("n_a").asInt(), c.a().n(), what);
            assertEquals(r.get("n_b").asInt(), c.b().n(), what);
            assertEquals(r.get("agree_a").asInt(), c.a().nAgree(), what);
            assertEquals(r.get("agree_b").asInt(), c.b().nAgree(), what);
            rel(r.get("mean_a").asDouble(), c.a().mean(), what);
            rel(r.get("mean_b").asDouble(), c.b().mean(), what);
            rel(r.get("student_t").asDouble(), c.student().statistic(), what);
            rel(r.get("student_df").asDouble(), c.student().df(), what);
            p(r, "student_p", c.student().pValue(), what);
            rel(r.get("welch_t").asDouble(), c.welch().statistic(), what);
            rel(r.get("welch_df").asDouble(), c.welch().df(), what);
            p(r, "welch_p", c.welch().pValue(), what);
            rel(r.get("chisq").asDouble(), c.chiSquare().statistic(), what);
            rel(r.get("chisq_df").asDouble(), c.chiSquare().df(), what);
            p(r, "chisq_p", c.chiSquare().pValue(), what);
            p(r, "fisher_p", c.fisher().pValue(), what);
            rel(r.get("prop_stat").asDouble(), c.prop().statistic(), what);
            p(r, "prop_p", c.prop().pValue(), what);
            rel(r.get("prop_uncorrected_stat").asDouble(), c.propUncorrected().statistic(), what);
            p(r, "prop_uncorrected_p", c.propUncorrected().pValue(), what);
            p(r, "student_holm", c.studentHolm(), what);
            p(r, "student_bh", c.studentBh(), what);
            p(r, "welch_holm", c.welchHolm(), what);
            p(r, "welch_bh", c.welchBh(), what);
            p(r, "prop_holm", c.propHolm(), what);
            p(r, "prop_bh", c.propBh(), what);
        }
    }

    @Test
    void itemSummaries() {
        List<ItemSummary> s = SurveyAnalysis.summarise(FINAL);
        JsonNode ref = REF.get("summary_final");
        assertEquals(ref.size(), s.size());
        for (int i = 0; i < s.size(); i++) {
            JsonNode r = ref.get(i);
            ItemSummary a = s.get(i);
            assertEquals(r.get("item").asText(), a.item());
            assertEquals(r.get("n").asInt(), a.n());
            assertEquals(r.get("agree").asInt(), a.nAgree());
            assertEquals(r.get("disagree").asInt(), a.nDisagree());
            assertEquals(r.get("dont_know").asInt(), a.nDontKnow());
            rel(r.get("mean").asDouble(), a.mean(), "mean");
            rel(r.get("sd").asDouble(), a.sd(), "sd");
            assertEquals(100.0 * r.get("agree").asInt() / r.get("n").asInt(), a.pctAgree(), 1e-12);
        }
    }

    @Test
    void baselineVersusFinal() {
        check(REF.get("baseline_vs_final"), SurveyAnalysis.compareInstruments(BASE, FINAL));
    }

    @Test
    void completedVersusWithdrawnByRoute() {
        check(REF.get("completed_vs_withdrawn"), SurveyAnalysis.compareGroups(FINAL, FINAL.groups("status", null, null)));
    }

    @Test
    void everyPairOfQuintiles() {
        check(REF.get("quintile_pairs"), SurveyAnalysis.compareGroups(FINAL, FINAL.groups("quintile", null, null)));
    }

    @Test
    void omnibusAcrossQuintiles() {
        List<Association> a = SurveyAnalysis.associations(FINAL, FINAL.groups("quintile", null, null));
        JsonNode ref = REF.get("quintile_omnibus");
        assertEquals(ref.size(), a.size());
        for (int i = 0; i < a.size(); i++) {
            JsonNode r = ref.get(i);
            assertEquals(r.get("item").asText(), a.get(i).item());
            rel(r.get("answer_chisq").asDouble(), a.get(i).byAnswer().statistic(), "answer chisq");
            rel(r.get("answer_df").asDouble(), a.get(i).byAnswer().df(), "answer df");
            p(r, "answer_p", a.get(i).byAnswer().pValue(), "answer");
            rel(r.get("agree_chisq").asDouble(), a.get(i).byAgree().statistic(), "agree chisq");
            p(r, "agree_p", a.get(i).byAgree().pValue(), "agree");
            p(r, "agree_holm", a.get(i).byAgreeHolm(), "agree");
            p(r, "agree_bh", a.get(i).byAgreeBh(), "agree");
        }
    }

    @Test
    void fisherOnFixedTables() {
        for (JsonNode f : REF.get("fisher")) {
            JsonNode t = f.get("table");
            TestResult r = SurveyTests.fisher(t.get(0).asLong(), t.get(1).asLong(), t.get(2).asLong(), t.get(3).asLong());
            assertEquals(f.get("p").asDouble(), r.pValue(), P_TOL, t.toString());
        }
    }

    @Test
    void pAdjustWithMissing() {
        JsonNode pa = REF.get("p_adjust");
        double[] pv = new double[pa.get("p").size()];
        for (int i = 0; i < pv.length; i++) {
            pv[i] = pa.get("p").get(i).isNull() ? Double.NaN : pa.get("p").get(i).asDouble();
        }
        double[] h = PValueAdjust.holm(pv), b = PValueAdjust.benjaminiHochberg(pv);
        for (int i = 0; i < pv.length; i++) {
            JsonNode eh = pa.get("holm").get(i), eb = pa.get("bh").get(i);
            if (eh.isNull()) {
                assertEquals(Double.NaN, h[i]);
                assertEquals(Double.NaN, b[i]);
            } else {
                assertEquals(eh.asDouble(), h[i], 1e-14);
                assertEquals(eb.asDouble(), b[i], 1e-14);
            }
        }
    }
}
