package org.padlock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.padlock.cli.CliRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code padlock estimate --model mixed} and {@code padlock did} end to end on the committed R
 * reference data of padlock-core (lme4 lmer; lm + sandwich vcovCL HC1). Tolerances 1e-6 relative
 * (mixed) and 1e-9 (did).
 */
class MixedAndDidCommandTest {
    static final Path REF = Path.of("../padlock-core/src/test/resources/reference");
    static final ObjectMapper M = new ObjectMapper();

    @TempDir
    Path dir;

    private static JsonNode json(CliRun o) throws IOException {
        assertEquals(0, o.code(), o.err());
        return M.readTree(o.out());
    }

    @Test
    void mixedRemlAndMlMatchLmer() throws IOException {
        JsonNode ref = M.readTree(REF.resolve("cluster/cluster_reference.json").toFile()).get("lmer");
        for (boolean ml : new boolean[] {false, true}) {
            CliRun o = ml
                    ? run("estimate", "--data", REF.resolve("cluster/cluster_data.csv").toString(), "--outcome", "y",
                    "--treatment", "treat", "--covariates", "x1,x2,f", "--factors", "f", "--model", "mixed", "--group", "school", "--ml", "--json")
                    : run("estimate", "--data", REF.resolve("cluster/cluster_data.csv").toString(), "--outcome", "y",
                    "--treatment", "treat", "--covariates", "x1,x2,f", "--factors", "f", "--model", "mixed", "--group", "school", "--json");
            JsonNode j = json(o);
            JsonNode r = ref.get(ml ? "full_ml" : "full_reml");
            JsonNode t = r.get("fixed_effects").get("treat");
            assertEquals(t.get("estimate").asDouble(), j.get("estimate").asDouble(), 1e-6 * Math.abs(t.get("estimate").asDouble()));
            assertEquals(t.get("std_error").asDouble(), j.get("std_error").asDouble(), 1e-6 * t.get("std_error").asDouble());
            assertEquals(r.get("var_school_intercept").asDouble(), j.get("sigma2_between").asDouble(),
                    1e-6 * r.get("var_school_intercept").asDouble());
            assertEquals(r.get("log_likelihood").asDouble(), j.get("log_likelihood").asDouble(), 1e-6);
            JsonNode r0 = ref.get(ml ? "null_ml" : "null_reml");
            assertEquals(r0.get("icc").asDouble(), j.get("icc_unconditional").asDouble(), 1e-6 * r0.get("icc").asDouble());
            assertEquals(1172, j.get("n_obs").asInt());
            assertEquals(16, j.get("n_dropped_missing_outcome").asInt());
            assertEquals(40, j.get("n_clusters").asInt());
            assertEquals(38.0, j.get("df").asDouble(), 0);
            if (!ml) {
                JsonNode h = M.readTree(REF.resolve("effect_size/hedges_reference.json").toFile()).get("cluster");
                for (String v : new String[] {"conditional", "unconditional"}) {
                    for (String k : new String[] {"within", "total"}) {
                        JsonNode e = h.get(v).get(k);
                        JsonNode a = j.get("hedges_g").get(v).get(k);
                        assertEquals(e.get("g").asDouble(), a.get("g").asDouble(), 1e-6 * Math.abs(e.get("g").asDouble()));
                        assertEquals(e.get("ci_lower").asDouble(), a.get("ci_low").asDouble(), 1e-6);
                        assertEquals(e.get("ci_upper").asDouble(), a.get("ci_high").asDouble(), 1e-6);
                    }
                }
            }
        }
    }

    @Test
    void textCovariatesAreCategoricalWithoutFactors() throws IOException {
        String[] base = {"estimate", "--data", REF.resolve("cluster/cluster_data.csv").toString(), "--outcome", "y",
                "--treatment", "treat", "--covariates", "x1,x2,f", "--cluster", "school", "--json"};
        JsonNode j = json(run(base));
        JsonNode r = M.readTree(REF.resolve("cluster/cluster_reference.json").toFile()).get("unweighted")
                .get("coefficients").get("treat");
        assertEquals(r.get("estimate").asDouble(), j.get("estimate").asDouble(), 1e-9);
        assertEquals(r.get("se_cr1_stata").asDouble(), j.get("std_error").asDouble(), 1e-9);
    }

    @Test
    void mixedNeedsAGroup() {
        CliRun o = run("estimate", "--data", REF.resolve("cluster/cluster_data.csv").toString(), "--outcome", "y",
                "--treatment", "treat", "--model", "mixed", "--json");
        assertEquals(2, o.code());
        assertTrue(o.err().contains("--group"), o.err());
    }

    @Test
    void mixedSingularFitIsReported() throws IOException {
        JsonNode j = json(run("estimate", "--data", REF.resolve("mixed/boundary_data.csv").toString(), "--outcome", "y",
                "--treatment", "treat", "--model", "mixed", "--group", "school", "--json"));
        assertTrue(j.get("singular").asBoolean());
        assertEquals(0.0, j.get("sigma2_between").asDouble(), 1e-12);
        assertTrue(j.get("diagnostics").get(0).asText().startsWith("singular fit"));
    }

    @Test
    void didPanelMatchesR() throws IOException {
        JsonNode r = M.readTree(REF.resolve("did_panel/panel_reference.json").toFile()).get("weighted_partnership_x");
        JsonNode j = json(run("did", "--data", REF.resolve("did_panel/panel_data.csv").toString(), "--id", "unit",
                "--treatment", "treat", "--time", "period", "--outcome", "y", "--first-treated-period", "2017",
                "--weights", "w", "--cluster", "partnership", "--covariates", "x", "--json"));
        assertEquals(r.get("static").get("estimate").asDouble(), j.get("estimate").asDouble(), 1e-9);
        assertEquals(r.get("static").get("std_error").asDouble(), j.get("std_error").asDouble(), 1e-9);
        assertEquals(r.get("pre_trend").get("p_value").asDouble(), j.get("pre_trend_p_value").asDouble(), 1e-9);
        assertEquals(5, j.get("event_study").size());
        assertEquals(9, j.get("n_dropped_missing_outcome").asInt());
        assertEquals(279, j.get("n_obs").asInt());
        assertEquals(12, j.get("trends").size());
    }

    @Test
    void didTwoPeriodMatchesR() throws IOException {
        JsonNode r = M.readTree(REF.resolve("did/did_reference.json").toFile()).get("change_on_treat").get("coefficients")
                .get("treat");
        JsonNode j = json(run("did", "--data", REF.resolve("did/did_data.csv").toString(), "--id", "id", "--treatment",
                "treat", "--pre", "pre", "--post", "post", "--cluster", "partnership", "--json"));
        assertEquals(r.get("estimate").asDouble(), j.get("estimate").asDouble(), 1e-9);
        assertEquals(r.get("cr1").get("se").asDouble(), j.get("std_error").asDouble(), 1e-9);
        assertEquals(r.get("cr1").get("p_value").asDouble(), j.get("p_value").asDouble(), 1e-12);
        assertTrue(j.get("pre_trend_p_value") == null);
    }

    @Test
    void didBadInput() throws IOException {
        Path f = dir.resolve("p.csv");
        Files.writeString(f, "u,t,d,y\nA,1,1,2\nA,2,0,3\nB,1,0,1\nB,2,0,2\n");
        CliRun o = run("did", "--data", f.toString(), "--id", "u", "--treatment", "d", "--time", "t", "--outcome", "y",
                "--first-treated-period", "2", "--json");
        assertEquals(3, o.code());
        assertTrue(o.err().contains("row 2") && o.err().contains("d") && o.err().contains("constant"), o.err());
        CliRun both = run("did", "--data", f.toString(), "--id", "u", "--treatment", "d", "--pre", "y", "--json");
        assertEquals(2, both.code());
        Files.writeString(f, "u,t,d,y\nA,1,1,2\nA,2,1,3\nB,1,0,1\nB,2,0,2\n");
        CliRun noPeriod = run("did", "--data", f.toString(), "--id", "u", "--treatment", "d", "--time", "t", "--outcome", "y",
                "--first-treated-period", "5", "--json");
        assertEquals(2, noPeriod.code());
        assertTrue(noPeriod.err().contains("first treated period 5"), noPeriod.err());
        assertTrue(o.out().isEmpty() && noPeriod.out().isEmpty());
    }
}
