package org.padlock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code padlock placebo} with two draws (the figures need hundreds): JSON keys, file output, usage errors. */
class PlaceboCommandTest {
    @TempDir
    Path dir;

    private static int run(StringWriter out, StringWriter err, String... args) {
        return Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void twoDrawsGiveTheJsonContract() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Path file = dir.resolve("placebo.json");
        String[] args = {"placebo", "--reps", "2", "--partnerships", "5", "--seed", "7", "--bootstrap-reps", "99", "--ri-reps", "99",
            "--out", file.toString(), "--json"};
        int code = run(out, err, args);
        assertEquals(0, code, err.toString());
        // same seed, same JSON, byte for byte (all methods, randomised ones included)
        StringWriter again = new StringWriter();
        assertEquals(0, run(again, new StringWriter(), args));
        assertEquals(out.toString(), again.toString());
        JsonNode j = new ObjectMapper().readTree(out.toString());
        assertEquals(out.toString(), Files.readString(file));
        assertEquals(2, j.get("spec").get("replications").asInt());
        JsonNode rows = j.get("results");
        assertEquals(12, rows.size());
        assertEquals("cr2", rows.get(1).get("method").asText());
        assertTrue(j.get("methods").has("ri_t"), j.get("methods").toString());
        assertEquals("reading", rows.get(0).get("outcome").asText());
        assertEquals("cr1", rows.get(0).get("method").asText());
        for (JsonNode r : rows) {
            double rate = r.get("rejection_rate").asDouble();
            assertTrue(r.get("mc_ci_low").asDouble() <= rate && rate <= r.get("mc_ci_high").asDouble(), r.toString());
            assertTrue(r.has("mean_estimate") && r.has("sd_estimate"), r.toString());
        }
    }

    @Test
    void badArgumentsAreUsageErrors() {
        assertEquals(2, run(new StringWriter(), new StringWriter(), "placebo", "--reps", "0"));
        assertEquals(2, run(new StringWriter(), new StringWriter(), "placebo", "--partnerships", "1"));
        assertEquals(2, run(new StringWriter(), new StringWriter(), "placebo", "--caliper", "-1"));
        assertEquals(2, run(new StringWriter(), new StringWriter(), "placebo", "--bootstrap-reps", "0"));
    }
}
