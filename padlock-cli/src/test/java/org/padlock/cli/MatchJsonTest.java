package org.padlock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code padlock match --json} keeps every key of docs/CLI.md and adds the extra balance statistics
 * (eCDF, variance ratio before, pstest summary). Values on lalonde with a 0.2 SD caliper are compared
 * with MatchIt's summary() (reference/lalonde/nn_caliper.json) and pstest's definitions
 * (reference/balance/pstest.json); tolerance 1e-9 (the JSON text of a double round-trips exactly).
 */
class MatchJsonTest {
    static final Path REF = Path.of("../padlock-core/src/test/resources/reference");

    @TempDir
    Path dir;

    @Test
    void jsonHasTheContractKeysAndTheNewStatistics() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new String[] {"match", "--data", REF.resolve("lalonde/lalonde.csv").toString(), "--id", "id",
                "--treatment", "treat", "--covariates", "age,educ,race,married,nodegree,re74,re75", "--factors", "race", "--caliper", "0.2",
                "--out", dir.resolve("m.csv").toString(), "--json"}, new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(0, code, err.toString());
        ObjectMapper om = new ObjectMapper();
        JsonNode j = om.readTree(out.toString());
        for (String k : List.of("n_treated", "n_control", "n_treated_matched", "n_control_matched", "n_discarded",
                "caliper_ps_units", "balance", "mean_abs_pct_bias_after", "median_abs_pct_bias_after")) {
            assertTrue(j.has(k), k);
        }
        assertEquals(113, j.get("n_treated_matched").asInt());
        JsonNode ref = om.readTree(REF.resolve("lalonde/nn_caliper.json").toFile());
        JsonNode age = null;
        for (JsonNode b : j.get("balance")) {
            for (String k : List.of("variable", "mean_treated", "mean_control_before", "mean_control_after", "smd_before",
                    "smd_after", "pct_bias_before", "pct_bias_after", "variance_ratio_after", "ecdf_mean_after",
                    "ecdf_max_after", "ecdf_mean_before", "ecdf_max_before", "variance_ratio_before")) {
                assertTrue(b.has(k), k);
            }
            if (b.get("variable").asText().equals("age")) {
                age = b;
            }
        }
        for (JsonNode b : ref.get("balance_matched")) {
            if (b.get("covariate").asText().equals("age")) {
                assertEquals(b.get("ecdf_mean").asDouble(), age.get("ecdf_mean_after").asDouble(), 1e-9);
                assertEquals(b.get("ecdf_max").asDouble(), age.get("ecdf_max_after").asDouble(), 1e-9);
                assertEquals(b.get("var_ratio").asDouble(), age.get("variance_ratio_after").asDouble(), 1e-9);
            }
        }
        // the matched file: one row per input row, in input order, as MatchIt's match data (units of nn_caliper.json)
        List<String> lines = java.nio.file.Files.readAllLines(dir.resolve("m.csv"));
        assertEquals("id,treated,pscore,weight,discarded,subclass", lines.get(0));
        JsonNode units = ref.get("units");
        assertEquals(units.size(), lines.size() - 1);
        for (int i = 0; i < units.size(); i++) {
            JsonNode u = units.get(i);
            String[] f = lines.get(i + 1).split(",", -1);
            assertEquals(6, f.length, lines.get(i + 1));
            assertEquals(u.get("id").asText(), f[0]);
            assertEquals(u.get("treat").asInt(), Integer.parseInt(f[1]), f[0]);
            assertEquals(u.get("distance").asDouble(), Double.parseDouble(f[2]), 1e-9, f[0]);
            assertEquals(u.get("weight").asDouble(), Double.parseDouble(f[3]), 1e-12, f[0]);
            assertEquals(u.get("discarded").asInt(), Integer.parseInt(f[4]), f[0]);
            assertEquals(u.get("subclass").isNull() ? "" : u.get("subclass").asText(), f[5], f[0]);
        }
        JsonNode ps = om.readTree(REF.resolve("balance/pstest.json").toFile()).get("cases").get("caliper");
        JsonNode s = j.get("balance_summary");
        for (String when : List.of("before", "after")) {
            assertEquals(ps.get(when).get("pseudo_r2").asDouble(), s.get(when).get("pseudo_r2").asDouble(), 1e-9, when);
            assertEquals(ps.get(when).get("rubin_r").asDouble(), s.get(when).get("rubin_r").asDouble(), 1e-8, when);
            assertEquals(ps.get(when).get("median_abs_pct_bias").asDouble(),
                    s.get(when).get("median_abs_pct_bias").asDouble(), 1e-9, when);
        }
    }

    @Test
    void verboseReportsEachStepsTimeOnStderrAndChangesNoOutput() throws Exception {
        String[] base = {"match", "--data", REF.resolve("lalonde/lalonde.csv").toString(), "--id", "id", "--treatment", "treat",
                "--covariates", "age,educ,race,married,nodegree,re74,re75", "--factors", "race", "--caliper", "0.2", "--json", "--out"};
        CliRun plain = CliRun.run(concat(base, dir.resolve("a.csv").toString()));
        CliRun verbose = CliRun.run(concat(base, dir.resolve("b.csv").toString(), "--verbose"));
        assertEquals(0, plain.code(), plain.err());
        assertEquals(0, verbose.code(), verbose.err());
        for (String step : List.of("read lalonde.csv", "complete cases and model matrix", "propensity fit (", "matching",
                "balance table", "balance summaries", "write b.csv")) {
            assertTrue(verbose.err().lines().anyMatch(l -> l.startsWith("time: " + step) && l.matches(".*: [0-9.]+ s \\(CPU [0-9.]+ s\\)")), step + "\n" + verbose.err());
            assertTrue(plain.err().lines().noneMatch(l -> l.startsWith("time: ")), plain.err());
        }
        assertEquals(plain.out(), verbose.out());
        assertEquals(java.nio.file.Files.readString(dir.resolve("a.csv")), java.nio.file.Files.readString(dir.resolve("b.csv")));
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
