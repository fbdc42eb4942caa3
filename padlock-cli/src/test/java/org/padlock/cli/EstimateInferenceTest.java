package org.padlock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.padlock.cli.CliRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code padlock estimate --se cr2|wild} against the R reference values stored in padlock-core
 * (clubSandwich CR2 with Satterthwaite df on the 40-school data; the plain-R enumerated wild bootstrap on
 * the 9-cluster data), and seeded determinism of random bootstrap draws. Tolerances: SE 1e-9 relative,
 * df 1e-8 relative, p and interval 1e-9 absolute; bootstrap p-values exact.
 */
class EstimateInferenceTest {
    static final Path REF = Path.of("..", "padlock-core", "src", "test", "resources", "reference");

    private static JsonNode json(String path) throws IOException {
        return new ObjectMapper().readTree(REF.resolve(path).toFile());
    }

    private static String[] forty(String... more) {
        String[] base = {"estimate", "--data", REF.resolve("cluster/cluster_data.csv").toString(), "--outcome", "y",
            "--treatment", "treat", "--covariates", "x1,x2,f", "--factors", "f", "--weights", "w", "--cluster", "school", "--json"};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @Test
    void cr2MatchesClubSandwich() throws IOException {
        CliRun o = run(forty("--se", "cr2"));
        assertEquals(0, o.code(), o.err());
        JsonNode got = new ObjectMapper().readTree(o.out());
        JsonNode ref = json("cluster/cluster_reference.json").get("weighted").get("cr2").get("coefficients").get("treat");
        assertEquals("cr2", got.get("se").asText());
        assertEquals(40, got.get("n_clusters").asInt());
        assertEquals(1172, got.get("n_obs").asInt());
        assertEquals(ref.get("se").asDouble(), got.get("std_error").asDouble(), 1e-9 * ref.get("se").asDouble());
        assertEquals(ref.get("df_satterthwaite").asDouble(), got.get("df").asDouble(), 1e-8 * ref.get("df_satterthwaite").asDouble());
        assertEquals(ref.get("p_satterthwaite").asDouble(), got.get("p_value").asDouble(), 1e-9);
        assertEquals(ref.get("ci_lower").asDouble(), got.get("ci_low").asDouble(), 1e-9);
        assertEquals(ref.get("ci_upper").asDouble(), got.get("ci_high").asDouble(), 1e-9);
    }

    @Test
    void wildIsSeededAndDeterministic() throws IOException {
        CliRun a = run(forty("--se", "wild", "--bootstrap-reps", "199", "--seed", "17"));
        CliRun b = run(forty("--se", "wild", "--bootstrap-reps", "199", "--seed", "17"));
        assertEquals(0, a.code(), a.err());
        assertEquals(a.out(), b.out());
        JsonNode got = new ObjectMapper().readTree(a.out());
        assertEquals(17, got.get("seed").asLong());
        assertEquals(199, got.get("bootstrap_reps").asInt());
        assertEquals(false, got.get("bootstrap_enumerated").asBoolean());
        assertEquals("wild", got.get("se").asText());
        CliRun c = run(forty("--se", "wild", "--bootstrap-reps", "199", "--seed", "18"));
        double otherLow = new ObjectMapper().readTree(c.out()).get("ci_low").asDouble();
        assertTrue(otherLow != got.get("ci_low").asDouble(), "another seed gives other draws, so another interval");
    }

    @Test
    void wildEnumerationMatchesPlainR() throws IOException {
        CliRun o = run("estimate", "--data", REF.resolve("cr2/cr2_data.csv").toString(), "--outcome", "y", "--treatment", "treat",
                "--covariates", "x1", "--weights", "w", "--cluster", "school", "--se", "wild", "--json");
        assertEquals(0, o.code(), o.err());
        JsonNode got = new ObjectMapper().readTree(o.out());
        JsonNode ref = json("cr2/cr2_reference.json").get("wild").get("rademacher_all9");
        assertEquals(ref.get("p_value").asDouble(), got.get("p_value").asDouble(), 1e-12);
        assertEquals(ref.get("t_obs").asDouble(), got.get("t").asDouble(), 1e-9);
        assertEquals(512, got.get("bootstrap_reps").asInt());
        assertTrue(got.get("bootstrap_enumerated").asBoolean());
        assertTrue(got.get("df").isNull());
        assertTrue(got.get("ci_low").asDouble() < got.get("estimate").asDouble());
    }

    @Test
    void cr2WithoutClusterIsAUsageError() {
        CliRun o = run("estimate", "--data", REF.resolve("cr2/cr2_data.csv").toString(), "--outcome", "y", "--treatment", "treat",
                "--se", "cr2", "--json");
        assertEquals(2, o.code());
        assertTrue(o.err().contains("--se cr2 needs --cluster COL"), o.err());
    }

    @Test
    void oneClusterGivesNullsAndADiagnostic(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        java.util.List<String> lines = java.nio.file.Files.readAllLines(REF.resolve("cr2/cr2_data.csv"));
        StringBuilder b = new StringBuilder(lines.get(0)).append(",one\n");
        for (String l : lines.subList(1, lines.size())) {
            b.append(l).append(",all\n");
        }
        Path data = dir.resolve("one.csv");
        java.nio.file.Files.writeString(data, b.toString());
        for (String se : new String[] {"cr2", "wild"}) {
            CliRun o = run("estimate", "--data", data.toString(), "--outcome", "y", "--treatment", "treat", "--covariates", "x1",
                    "--cluster", "one", "--se", se, "--json");
            assertEquals(0, o.code(), o.err());
            JsonNode got = new ObjectMapper().readTree(o.out());
            assertTrue(got.get("p_value").isNull() && got.get("ci_low").isNull(), o.out());
            assertEquals(1, got.get("n_clusters").asInt());
            assertTrue(got.get("diagnostics").get(0).asText().contains("only one cluster"), o.out());
        }
    }
}
