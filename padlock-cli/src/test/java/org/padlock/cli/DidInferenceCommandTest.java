package org.padlock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code padlock did --se cr2|wild}: CR2 against clubSandwich 0.5.8 (reference/did_cr2: lm with unit and
 * period dummies, coef_test Satterthwaite, Wald_test Naive-F; reference/did: the change regression);
 * the wild bootstrap byte-identical for one seed. Tolerances 1e-8 relative (SE, df), 1e-9 (p).
 */
class DidInferenceCommandTest {
    static final Path REF = Path.of("../padlock-core/src/test/resources/reference");
    static final ObjectMapper M = new ObjectMapper();

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    private static String[] panel(String se, String... more) {
        String[] base = {"did", "--data", REF.resolve("did_panel/panel_data.csv").toString(), "--id", "unit",
                "--treatment", "treat", "--time", "period", "--outcome", "y", "--first-treated-period", "2017",
                "--weights", "w", "--cluster", "partnership", "--covariates", "x", "--json", "--se", se};
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return run(all);
    }

    private static void rel(double e, double a) {
        assertEquals(e, a, 1e-8 * Math.max(1, Math.abs(e)));
    }

    @Test
    void panelCr2MatchesClubSandwich() throws IOException {
        JsonNode r = M.readTree(REF.resolve("did_cr2/did_cr2_reference.json").toFile()).get("weighted_partnership_x");
        String[] o = panel("cr2");
        assertEquals("0", o[0], o[2]);
        JsonNode j = M.readTree(o[1]);
        assertEquals("cr2", j.get("se").asText());
        rel(r.get("static").get("std_error").asDouble(), j.get("std_error").asDouble());
        rel(r.get("static").get("df").asDouble(), j.get("df").asDouble());
        assertEquals(r.get("static").get("p_value").asDouble(), j.get("p_value").asDouble(), 1e-9);
        for (int i = 0; i < 5; i++) {
            rel(r.get("event_study").get(i).get("df").asDouble(), j.get("event_study").get(i).get("df").asDouble());
            rel(r.get("event_study").get(i).get("std_error").asDouble(), j.get("event_study").get(i).get("std_error").asDouble());
        }
        assertEquals(r.get("pre_trend_naive_f").get("p_value").asDouble(), j.get("pre_trend_p_value").asDouble(), 1e-9);
    }

    @Test
    void twoPeriodCr2MatchesClubSandwich() throws IOException {
        JsonNode r = M.readTree(REF.resolve("did/did_reference.json").toFile()).get("change_on_treat_z").get("coefficients")
                .get("treat").get("cr2");
        String[] o = run("did", "--data", REF.resolve("did/did_data.csv").toString(), "--id", "id", "--treatment", "treat",
                "--pre", "pre", "--post", "post", "--cluster", "partnership", "--covariates", "z", "--se", "cr2", "--json");
        assertEquals("0", o[0], o[2]);
        JsonNode j = M.readTree(o[1]);
        rel(r.get("se").asDouble(), j.get("std_error").asDouble());
        rel(r.get("df_satterthwaite").asDouble(), j.get("df").asDouble());
        assertEquals(r.get("p_satterthwaite").asDouble(), j.get("p_value").asDouble(), 1e-9);
    }

    @Test
    void wildIsByteIdenticalForOneSeed() throws IOException {
        String[] a = panel("wild", "--bootstrap-reps", "499", "--seed", "7");
        String[] b = panel("wild", "--bootstrap-reps", "499", "--seed", "7");
        String[] c = panel("wild", "--bootstrap-reps", "499", "--seed", "8");
        assertEquals("0", a[0], a[2]);
        assertEquals(a[1], b[1]);
        assertNotEquals(a[1], c[1]);
        JsonNode j = M.readTree(a[1]);
        assertEquals("wild", j.get("se").asText());
        assertTrue(j.get("df").isNull());
        double p = j.get("p_value").asDouble();
        assertEquals(Math.rint(p * 499), p * 499, 1e-6);
    }

    @Test
    void badSeChoiceIsAUsageError() {
        String[] o = panel("hc1");
        assertEquals("2", o[0]);
        assertTrue(o[2].contains("cr1, cr2 or wild"), o[2]);
        String[] w = panel("wild", "--bootstrap-weights", "normal");
        assertEquals("2", w[0]);
    }
}
